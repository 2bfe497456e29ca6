/**
 * @module The live database's schema: `introspect` reads INFO FOR DB and INFO FOR TABLE, as text
 * and as STRUCTURE, into a snapshot (canonical text, so it compares with the models' snapshot,
 * and each definition's structure: a field's type, a table's kind), `schemaDiff` diffs the
 * models against it, and `push` applies that diff directly (development, like `drizzle-kit push`).
 */
import { unquoteIdent } from '@sdb/protocol';
import { batch, infoFor, runBatch, type InfoStatement } from '@sdb/ql';
import type { OrmClient } from '../connection.ts';
import type { ModelShape } from '../schema/validate.ts';
import { canonicalText } from './canonical.ts';
import { diff } from './diff.ts';
import type { Operation } from './operations.ts';
import { INTERNAL_TABLE_PREFIX, keyOf, snapshotFrom, snapshotOf, type EntryKind, type Snapshot, type SnapshotEntry } from './snapshot.ts';
import { runOperations } from './apply.ts';

type Info = Record<string, Record<string, string> | undefined>;
/** INFO … STRUCTURE: each group a list of objects with their `name`. */
type Structure = Record<string, readonly Readonly<Record<string, unknown>>[] | undefined>;

/** INFO FOR DB's groups that hold what migrations manage. */
const DATABASE_GROUPS: Record<string, EntryKind> = { analyzers: 'analyzer', accesses: 'access', params: 'param', functions: 'function', sequences: 'sequence', tables: 'table' };
const TABLE_GROUPS: Record<string, EntryKind> = { fields: 'field', indexes: 'index', events: 'event' };

/** A field path as INFO prints it (`` `unit-price`.* ``, `` `value` ``, `meta.select`) in the snapshot's form (`pathText`): segments unquoted. */
function pathOf(printed: string): string {
  return (printed.match(/`(?:[^`\\]|\\.)+`|[^.`]+/g) ?? []).map(unquoteIdent).join('.');
}

function entries(info: Info, structure: Structure, groups: Record<string, EntryKind>, table?: string): [string, SnapshotEntry][] {
  return Object.entries(groups).flatMap(([group, what]) => {
    const nameOf = (printed: string) => (what === 'field' ? pathOf(printed) : printed);
    const described = new Map((structure[group] ?? []).map((item) => [nameOf(String(item.name)), item]));
    return Object.entries(info[group] ?? {}).map(([printed, source]): [string, SnapshotEntry] => {
      const name = nameOf(printed);
      const facts = described.get(name);
      return [keyOf(what, name, table), { what, name, ...(table !== undefined ? { table } : {}), sql: canonicalText(source), source, ...(facts !== undefined ? { structure: facts } : {}) }];
    });
  });
}

/** One INFO statement's answer as text and as STRUCTURE, in one round trip. */
async function infoOf(client: OrmClient, statement: InfoStatement): Promise<[Info, Structure]> {
  return (await runBatch(client, batch(statement, statement.structure()))) as [Info, Structure];
}

/** The live database's schema (the migration history and lock tables left out). */
export async function introspect(client: OrmClient): Promise<Snapshot> {
  const [database, structure] = await infoOf(client, infoFor.database());
  const tables = Object.keys(database.tables ?? {}).filter((name) => !name.startsWith(INTERNAL_TABLE_PREFIX));
  const perTable = await Promise.all(tables.map(async (table) => entries(...(await infoOf(client, infoFor.table(table))), TABLE_GROUPS, table)));
  return snapshotFrom([...entries(database, structure, DATABASE_GROUPS), ...perTable.flat()]);
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
