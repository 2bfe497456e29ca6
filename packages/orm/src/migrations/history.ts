/**
 * @module The migration history (table `_sdb_migrations`: name, checksum, applied_at; one record
 * per applied migration, its id the name, so no migration is ever recorded twice) and the
 * migration lock (record `_sdb_migration_lock:main`), which makes concurrent runs take turns.
 */
// A namespace import: a bundle then keeps only the function namespaces used here, not the whole catalogue.
import { call } from '@sdb/functions/core';
import { isTransactionConflict, RecordId, retryOnConflict, type Datetime, type StatementError } from '@sdb/protocol';
import { compile, create, define, deleteFrom, eq, field, infoFor, run, select, type StatementNode } from '@sdb/ql';
import type { OrmClient } from '../connection.ts';
import { MigrationError, MigrationLockedError } from './errors.ts';

export const HISTORY_TABLE = '_sdb_migrations';
const LOCK = new RecordId('_sdb_migration_lock', 'main');

export interface HistoryRow {
  readonly name: string;
  readonly checksum: string;
  readonly applied_at: Datetime;
}

/** The applied migrations, by name (none when the history table does not exist yet). */
export async function readHistory(client: OrmClient): Promise<Map<string, HistoryRow>> {
  const info = (await run(client, infoFor.database())) as { tables?: Record<string, string> };
  if (info.tables?.[HISTORY_TABLE] === undefined) return new Map();
  const rows = await run(client, select<HistoryRow>(HISTORY_TABLE).orderBy('name'));
  return new Map(rows.map((row) => [row.name, row]));
}

/** The statement that records a migration as applied (it fails if it already is). */
export function recordApplied(name: string, checksum: string): StatementNode {
  return create(new RecordId(HISTORY_TABLE, name)).set({ name, checksum, applied_at: call('time::now') }).node as StatementNode;
}

/** The statement that forgets an applied migration (after its `down` ran). */
export function forgetApplied(name: string): StatementNode {
  return deleteFrom(new RecordId(HISTORY_TABLE, name)).node as StatementNode;
}

function isHeld(error: StatementError): boolean {
  return /already exists/i.test(error.message) || isTransactionConflict(error);
}

/**
 * One attempt at the lock: true when taken, false when another run holds it. Two runs creating
 * the lock at once can also lose a write conflict, which the engine reports either as the
 * statement's error or as the whole call's: both mean "held, wait".
 */
async function tryLock(client: OrmClient, take: ReturnType<typeof compile>): Promise<boolean> {
  let answer;
  try {
    [answer] = await client.query(take);
  } catch (error) {
    if (isTransactionConflict(error)) return false;
    throw error;
  }
  if (answer?.ok) return true;
  if (answer === undefined || !isHeld(answer.error)) throw new MigrationError(`Could not take the migration lock: ${answer?.error.message ?? 'no answer'}`, undefined, undefined, { cause: answer?.error });
  return false;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` holding the migration lock: waits while another run holds it, up to `lockTimeout`
 * ms (then `MigrationLockedError`), and releases it whatever `work` does.
 */
export async function withMigrationLock<T>(client: OrmClient, lockTimeout: number, work: () => Promise<T>): Promise<T> {
  const owner = globalThis.crypto.randomUUID();
  const started = Date.now();
  const take = compile(create(LOCK).set({ owner, at: call('time::now') }));
  while (!(await tryLock(client, take))) {
    if (Date.now() - started >= lockTimeout) throw new MigrationLockedError(Date.now() - started);
    await pause(50 + Math.random() * 100);
  }
  try {
    await client.queryAll(compile(define.table(HISTORY_TABLE).ifNotExists().schemaless()));
    return await work();
  } finally {
    // The release can lose a write conflict with another run's attempt to take the lock: try again.
    await retryOnConflict(() => run(client, deleteFrom(LOCK).where(eq(field('owner'), owner))), { retries: 5 });
  }
}
