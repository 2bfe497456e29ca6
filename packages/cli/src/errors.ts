/**
 * @module The CLI's own errors, all `SdbError`s. Each carries the exit code `sdb` ends with:
 * 2 for a command line or a config the CLI cannot use (nothing was run), 1 for everything else
 * (a connection refused, a failed statement, an unknown migration).
 */
import { SdbError } from '@sdb/protocol';
import { errorBrand } from '@sdb/protocol/transport';

/** The exit code for a failure the user fixes in the command line or the config. */
export const USAGE_EXIT_CODE = 2;
/** The exit code for a failure while running a command. */
export const FAILURE_EXIT_CODE = 1;

/** An unknown command or option, a missing or extra argument. Nothing was run. */
export class UsageError extends SdbError {
  static override readonly [errorBrand]: string = 'UsageError';
  readonly exitCode: number = USAGE_EXIT_CODE;
}

/** No config file, or one whose values cannot be used (`file` names it). Nothing was run. */
export class ConfigError extends SdbError {
  static override readonly [errorBrand]: string = 'ConfigError';
  readonly exitCode: number = USAGE_EXIT_CODE;

  constructor(
    readonly file: string | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(file === undefined ? message : `${file}: ${message}`, options);
  }
}

/** A project file (the models module, a migration file) is missing, cannot be loaded or would be overwritten. */
export class ProjectFileError extends SdbError {
  static override readonly [errorBrand]: string = 'ProjectFileError';

  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${message}`, options);
  }
}

/** A command named a migration no migration file holds. */
export class UnknownMigrationError extends SdbError {
  static override readonly [errorBrand]: string = 'UnknownMigrationError';

  constructor(
    readonly migration: string,
    known: readonly string[],
  ) {
    super(`no migration ${JSON.stringify(migration)} (the migrations are: ${known.length > 0 ? known.join(', ') : 'none yet'})`);
  }
}

/** The exit code for `error`: its own when it has one, else the failure code. */
export function exitCodeOf(error: unknown): number {
  const code = (error as { exitCode?: unknown } | null | undefined)?.exitCode;
  return typeof code === 'number' ? code : FAILURE_EXIT_CODE;
}
