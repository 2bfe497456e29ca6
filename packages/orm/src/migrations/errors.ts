/**
 * @module The migration engine's errors, both `SdbError`s. A failed statement is never
 * swallowed: `MigrationError` names the migration, the operation and the statement (secrets
 * redacted), and keeps the server's error as `cause`.
 */
import { SdbError } from '@sdb/protocol';
import { errorBrand } from '@sdb/protocol/transport';

/** A migration could not be made, read or applied; nothing of the failing migration remains. */
export class MigrationError extends SdbError {
  static override readonly [errorBrand]: string = 'MigrationError';

  constructor(
    message: string,
    readonly migration?: string,
    /** The SurrealQL that failed (keys and passwords redacted), when a statement failed. */
    readonly statement?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Another `migrate` or `rollback` held the migration lock for longer than `lockTimeout`. */
export class MigrationLockedError extends SdbError {
  static override readonly [errorBrand]: string = 'MigrationLockedError';

  constructor(waitedMs: number) {
    super(
      `Another migrate/rollback holds the migration lock (waited ${waitedMs} ms). If no run is in progress, ` +
        'a crashed run left it: remove the record _sdb_migration_lock:main to release it',
    );
  }
}
