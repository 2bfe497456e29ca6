/**
 * @module Applying migrations: `migrate` (forward, to a target), `rollback` (the `down` steps
 * back to a target), `status`. Each migration runs atomically with its history record: in an
 * interactive transaction where the client holds one (@sdb/ws, the embedded client), else as
 * one `BEGIN … COMMIT` query (@sdb/http). A failed statement rolls the migration back, leaves it
 * unrecorded and throws a `MigrationError` naming it. Runs take turns through the migration lock.
 */
import { StatementError, type Datetime } from '@sdb/protocol';
import { atomicQuery, compile, QueryCompiler, runBatch, Statement, type StatementNode } from '@sdb/ql';
import type { OrmClient } from '../connection.ts';
import { isTransactional, transaction } from '../transaction.ts';
import { redactSecrets } from './canonical.ts';
import { MigrationError } from './errors.ts';
import { forgetApplied, readHistory, recordApplied, withMigrationLock } from './history.ts';
import { checkMigrations, checksumOf, type Migration } from './migration.ts';
import { stepsOf, stepText, type Step } from './operations.ts';

export interface MigrationStatus {
  readonly name: string;
  readonly applied: boolean;
  readonly appliedAt?: Datetime;
  /** The checksum of the migration as given now. */
  readonly checksum: string;
  /** The checksum recorded when it was applied. */
  readonly appliedChecksum?: string;
  /** Applied, and changed since (its checksum differs). */
  readonly changed: boolean;
  /** Recorded as applied, but not among the migrations given (its file is gone). */
  readonly missing?: true;
}

/** Reported before each migration is applied or rolled back. */
export interface MigrationStep {
  readonly name: string;
  readonly direction: 'up' | 'down';
  /** 1-based position among the migrations this call runs. */
  readonly index: number;
  readonly total: number;
  readonly fake: boolean;
}

export interface RunOptions {
  onStep?: (step: MigrationStep) => void;
  /** How long to wait for another run's migration lock, in ms (default 30 000). */
  lockTimeout?: number;
}

/** Applied and pending migrations, in order, then any applied one whose file is gone. */
export async function status(client: OrmClient, migrations: readonly Migration[]): Promise<MigrationStatus[]> {
  checkMigrations(migrations);
  const history = await readHistory(client);
  const known = await Promise.all(
    migrations.map(async (migration): Promise<MigrationStatus> => {
      const checksum = await checksumOf(migration);
      const row = history.get(migration.name);
      if (row === undefined) return { name: migration.name, applied: false, checksum, changed: false };
      return { name: migration.name, applied: true, appliedAt: row.applied_at, checksum, appliedChecksum: row.checksum, changed: row.checksum !== checksum };
    }),
  );
  const names = new Set(migrations.map((m) => m.name));
  const missing = [...history.values()]
    .filter((row) => !names.has(row.name))
    .map((row): MigrationStatus => ({ name: row.name, applied: true, appliedAt: row.applied_at, checksum: row.checksum, appliedChecksum: row.checksum, changed: false, missing: true }));
  return [...known, ...missing];
}

function positionOf(migrations: readonly Migration[], target: string): number {
  const index = migrations.findIndex((m) => m.name === target);
  if (index === -1) throw new MigrationError(`Unknown migration ${JSON.stringify(target)} (known: ${migrations.map((m) => m.name).join(', ') || 'none'})`, target);
  return index;
}

/**
 * Applies the pending migrations in order, up to and including `target` (default: all), each
 * atomically; `fake` records them as applied without running them. Answers the status after.
 */
export async function migrate(client: OrmClient, migrations: readonly Migration[], options: RunOptions & { target?: string; fake?: boolean } = {}): Promise<MigrationStatus[]> {
  checkMigrations(migrations);
  const end = options.target === undefined ? migrations.length : positionOf(migrations, options.target) + 1;
  await withMigrationLock(client, options.lockTimeout ?? 30_000, async () => {
    const history = await readHistory(client);
    const pending = migrations.slice(0, end).filter((m) => !history.has(m.name));
    for (const [i, migration] of pending.entries()) {
      options.onStep?.({ name: migration.name, direction: 'up', index: i + 1, total: pending.length, fake: options.fake === true });
      await runMigration(client, migration, 'up', options.fake === true);
    }
  });
  return status(client, migrations);
}

/** Runs the `down` steps of every applied migration after `target` (exclusive; `'zero'`: all), newest first. */
export async function rollback(client: OrmClient, migrations: readonly Migration[], target: string, options: RunOptions = {}): Promise<MigrationStatus[]> {
  checkMigrations(migrations);
  const keep = target === 'zero' ? 0 : positionOf(migrations, target) + 1;
  await withMigrationLock(client, options.lockTimeout ?? 30_000, async () => {
    const history = await readHistory(client);
    const later = new Set(migrations.slice(0, keep).map((m) => m.name));
    const orphan = [...history.keys()].find((name) => !later.has(name) && !migrations.some((m) => m.name === name));
    if (orphan !== undefined) throw new MigrationError(`Migration ${orphan} is applied but not among the migrations given: its down steps are unknown, so nothing was rolled back`, orphan);
    const undo = migrations.slice(keep).filter((m) => history.has(m.name)).reverse();
    for (const [i, migration] of undo.entries()) {
      options.onStep?.({ name: migration.name, direction: 'down', index: i + 1, total: undo.length, fake: false });
      await runMigration(client, migration, 'down', false);
    }
  });
  return status(client, migrations);
}

interface PlacedStep {
  readonly step: Step;
  /** 1-based operation number within the direction, for messages. */
  readonly operation: number;
}

function describe(step: Step): string {
  if ('node' in step) return redactSecrets(new QueryCompiler().statement(step.node));
  if ('surql' in step) return redactSecrets(step.surql.trim());
  return 'op.data()';
}

function failure(migration: Migration, direction: 'up' | 'down', placed: PlacedStep | undefined, cause: unknown): MigrationError {
  const where = placed === undefined ? 'recording it in the history' : `operation ${placed.operation} (${describe(placed.step)})`;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new MigrationError(`Migration ${migration.name} (${direction}) failed at ${where}: ${reason}. It was rolled back and is not recorded`, migration.name, placed && describe(placed.step), { cause });
}

async function runMigration(client: OrmClient, migration: Migration, direction: 'up' | 'down', fake: boolean): Promise<void> {
  const record = direction === 'up' ? recordApplied(migration.name, await checksumOf(migration)) : forgetApplied(migration.name);
  await runOperations(client, fake ? { name: migration.name, up: [], down: [] } : migration, direction, record);
}

/** Runs one direction of a migration and `record` (its history statement, if any) all together or not at all. */
export async function runOperations(client: OrmClient, migration: Migration, direction: 'up' | 'down', record: StatementNode | undefined): Promise<void> {
  const operations = direction === 'up' ? migration.up : migration.down;
  const placed = operations.flatMap((operation, i) => stepsOf(operation).map((step): PlacedStep => ({ step, operation: i + 1 })));
  if (client.txn !== undefined || isTransactional(client)) {
    await transaction(
      async (tx) => {
        for (const item of placed) await runStep(tx, item.step).catch((cause) => Promise.reject(failure(migration, direction, item, cause)));
        if (record) await tx.queryAll(compile(new Statement(record))).catch((cause) => Promise.reject(failure(migration, direction, undefined, cause)));
      },
      // A commit can lose a write conflict with another run polling the lock; the whole migration then runs again.
      { using: client, retries: 3 },
    );
    return;
  }
  await runAsOneQuery(client, migration, direction, placed, record);
}

async function runStep(client: OrmClient, step: Step): Promise<void> {
  if ('run' in step) return step.run(client);
  const compiler = new QueryCompiler();
  await client.queryAll('node' in step ? { query: compiler.statement(step.node), bindings: compiler.bindings } : step.surql);
}

/** Over a client with no interactive transaction (@sdb/http): `BEGIN; …; COMMIT;` in one query (ql's `runBatch`). */
async function runAsOneQuery(client: OrmClient, migration: Migration, direction: 'up' | 'down', placed: readonly PlacedStep[], record: StatementNode | undefined): Promise<void> {
  if (placed.some((p) => 'run' in p.step)) {
    throw new MigrationError(`Migration ${migration.name} has a data migration (op.data), which needs a client that holds an interactive transaction (@sdb/ws or the embedded client); nothing was run`, migration.name);
  }
  const compiler = new QueryCompiler();
  const statements = [...placed.map((p) => stepText(p.step, compiler)), ...(record ? [stepText({ node: record }, compiler)] : [])].join('\n');
  try {
    await runBatch(client, atomicQuery({ query: statements, bindings: compiler.bindings }));
  } catch (cause) {
    // One answer per statement (a raw operation holding several statements shifts the count; the server's message still names the failure).
    throw cause instanceof StatementError ? failure(migration, direction, placed[cause.index], cause) : cause;
  }
}
