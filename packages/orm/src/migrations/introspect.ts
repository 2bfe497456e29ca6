/**
 * @module The live database's schema: `introspect` reads INFO FOR DB and INFO FOR TABLE into a
 * snapshot (canonical text, so it compares with the models' snapshot), `schemaDiff` diffs the
 * models against it, and `push` applies that diff directly (development, like `drizzle-kit push`).
 */
import { infoFor, run } from '@sdb/ql';
import type { OrmClient } from '../connection.ts';
import type { ModelShape } from '../schema/validate.ts';
import { canonicalText } from './canonical.ts';
import { diff } from './diff.ts';
import type { Operation } from './operations.ts';
import { INTERNAL_TABLE_PREFIX, keyOf, snapshotFrom, snapshotOf, type EntryKind, type Snapshot, type SnapshotEntry } from './snapshot.ts';
import { runOperations } from './apply.ts';

type Info = Record<string, Record<string, string> | undefined>;

/** INFO FOR DB's groups that hold what migrations manage. */
const DATABASE_GROUPS: Record<string, EntryKind> = { analyzers: 'analyzer', accesses: 'access', params: 'param', functions: 'function', sequences: 'sequence', tables: 'table' };
const TABLE_GROUPS: Record<string, EntryKind> = { fields: 'field', indexes: 'index', events: 'event' };

function entries(info: Info, groups: Record<string, EntryKind>, table?: string): [string, SnapshotEntry][] {
  return Object.entries(groups).flatMap(([group, what]) =>
    Object.entries(info[group] ?? {}).map(([name, source]): [string, SnapshotEntry] => [
      keyOf(what, name, table),
      { what, name, ...(table !== undefined ? { table } : {}), sql: canonicalText(source), source },
    ]),
  );
}

/** The live database's schema (the migration history and lock tables left out). */
export async function introspect(client: OrmClient): Promise<Snapshot> {
  const database = (await run(client, infoFor.database())) as Info;
  const tables = Object.keys(database.tables ?? {}).filter((name) => !name.startsWith(INTERNAL_TABLE_PREFIX));
  const perTable = await Promise.all(tables.map(async (table) => entries((await run(client, infoFor.table(table))) as Info, TABLE_GROUPS, table)));
  return snapshotFrom([...entries(database, DATABASE_GROUPS), ...perTable.flat()]);
}

/** What would make the live database match the models (`up`), and what would undo that (`down`). */
export async function schemaDiff(client: OrmClient, models: readonly ModelShape[]): Promise<{ up: Operation[]; down: Operation[] }> {
  return diff(await introspect(client), snapshotOf(models));
}

/**
 * Makes the live database match the models at once, atomically, without a migration record (for
 * development; use migrations for shared databases). Answers the operations it ran.
 */
export async function push(client: OrmClient, models: readonly ModelShape[]): Promise<Operation[]> {
  const { up } = await schemaDiff(client, models);
  if (up.length === 0) return up;
  await runOperations(client, { name: 'push', up, down: [] }, 'up', undefined);
  return up;
}
