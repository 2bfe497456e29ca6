/**
 * @module Schema snapshots: every definition of a schema by key (`table:person`,
 * `field:person:meta.plan`, `index:person:person_email_unique`, `analyzer:simple`…) with its
 * canonical text. `snapshotOf(models)` reads the model declarations, `stateOf(migrations)` replays
 * migration files offline; both give the same snapshot when the files are up to date.
 */
import { field, parseType, type DefineFieldNode, type DefineNode, type TypeNode } from '@sdb/ql';
import { defineNodes } from '../schema/define.ts';
import type { AnyField } from '../schema/fields.ts';
import type { ModelShape } from '../schema/validate.ts';
import { canonicalNode } from './canonical.ts';
import { MigrationError } from './errors.ts';
import type { Operation } from './operations.ts';

export type EntryKind = 'table' | 'field' | 'index' | 'event' | 'analyzer' | 'access' | 'param' | 'function' | 'sequence';

export interface SnapshotEntry {
  readonly what: EntryKind;
  /** The definition's name; for a field, its path (`meta.plan`, `tags.*`). */
  readonly name: string;
  readonly table?: string;
  /** The canonical SurrealQL text: what a diff compares. */
  readonly sql: string;
  /** The definition as declared; absent for one read from a live database (`introspect`). */
  readonly node?: DefineNode;
  /** A field's previous name (`.was('old')`). */
  readonly was?: string;
  /** The text INFO printed, for an entry read from a live database. */
  readonly source?: string;
  /** What INFO … STRUCTURE answers for it (a field's `kind`, a table's `schemafull`…), for an entry read from a live database. */
  readonly structure?: Readonly<Record<string, unknown>>;
}

export interface Snapshot {
  readonly entries: Readonly<Record<string, SnapshotEntry>>;
}

/** Tables the engine itself keeps (history, lock): never part of a snapshot, never proposed for removal. */
export const INTERNAL_TABLE_PREFIX = '_sdb_';

const KIND_OF: Partial<Record<DefineNode['kind'], EntryKind>> = {
  defineTable: 'table', defineField: 'field', defineIndex: 'index', defineEvent: 'event', defineAnalyzer: 'analyzer',
  defineAccess: 'access', defineParam: 'param', defineFunction: 'function', defineSequence: 'sequence',
};

/** A field path as snapshots name it: its segments unquoted, joined by dots (`meta.plan`, `tags.*`, `unit-price`). */
export function pathText(name: DefineFieldNode['name']): string {
  // A DEFINE FIELD path holds names and `*` only.
  return name.parts.map((part) => (part.type === 'field' ? part.name : '*')).join('.');
}

export function keyOf(what: EntryKind, name: string, table?: string): string {
  return table === undefined ? `${what}:${name}` : `${what}:${table}:${name}`;
}

/** The snapshot entry of one DEFINE node. */
export function entryOf(node: DefineNode, was?: string): [string, SnapshotEntry] {
  const what = KIND_OF[node.kind];
  if (what === undefined) throw new MigrationError(`Migrations manage what lives in a database; ${node.kind} is not one of those`);
  if (node.kind === 'defineAccess' && node.on !== 'DATABASE') throw new MigrationError(`Migrations manage database-level access methods; ${node.name} is ON ${node.on}`);
  const name = node.kind === 'defineField' ? pathText(node.name) : node.name;
  const table = 'table' in node ? node.table : undefined;
  const { mode: _mode, ...declared } = node;
  return [keyOf(what, name, table), { what, name, ...(table !== undefined ? { table } : {}), sql: canonicalNode(node), node: declared as DefineNode, ...(was !== undefined ? { was } : {}) }];
}

/** A field's type: as declared, or as the live database reports it; undefined without one, or for one ql cannot read (a literal type). */
export function fieldType(entry: SnapshotEntry): TypeNode | undefined {
  if (entry.node?.kind === 'defineField') return entry.node.type;
  const kind = entry.structure?.kind;
  try {
    return typeof kind === 'string' ? parseType(kind) : undefined;
  } catch {
    return undefined;
  }
}

/** The element type `T` of an `array<T>`/`set<T>` field, optional (`option<…>`, `none | …`) or not. */
export function elementType(entry: SnapshotEntry): TypeNode | undefined {
  type Loose = { readonly name: string; readonly of?: Loose & readonly Loose[] } | undefined;
  let type = fieldType(entry) as Loose;
  if (type?.name === 'option') type = type.of;
  else if (type?.name === 'union' && type.of?.length === 2 && type.of[0]?.name === 'none') type = type.of[1];
  return type?.name === 'array' || type?.name === 'set' ? (type.of as TypeNode | undefined) : undefined;
}

/** A table's declared TYPE (`RELATION`…) and whether it is SCHEMAFULL, as declared or as the live database reports them. */
export function tableShape(entry: SnapshotEntry): { readonly type?: string; readonly schemafull: boolean } {
  if (entry.node?.kind === 'defineTable') return { type: entry.node.type, schemafull: entry.node.schemafull === true };
  return { type: (entry.structure?.kind as { kind?: string } | undefined)?.kind, schemafull: entry.structure?.schemafull === true };
}

/**
 * The element definition the engine makes by itself for an `array<T>`/`set<T>` field (`tags.*
 * TYPE T`); dropped on every side, so declaring it or not makes no difference.
 */
function isSyntheticElement(entry: SnapshotEntry, entries: Readonly<Record<string, SnapshotEntry>>): boolean {
  if (entry.what !== 'field' || !entry.name.endsWith('.*')) return false;
  const parent = entries[keyOf('field', entry.name.slice(0, -2), entry.table)];
  const type = parent && elementType(parent);
  return type !== undefined && entry.sql === canonicalNode({ kind: 'defineField', name: field(entry.name).node, table: entry.table as string, type });
}

/**
 * The `in` and `out` fields the engine defines by itself on a `TYPE RELATION` table (an edge's
 * ends, which INFO FOR TABLE lists and an edge model declares through the table, not as fields).
 */
function isRelationEnd(entry: SnapshotEntry, entries: Readonly<Record<string, SnapshotEntry>>): boolean {
  if (entry.what !== 'field' || (entry.name !== 'in' && entry.name !== 'out')) return false;
  const table = entries[keyOf('table', entry.table as string)];
  return table !== undefined && tableShape(table).type === 'RELATION';
}

/** A snapshot of these entries: sorted by key, internal tables, synthetic elements and relation ends left out. */
export function snapshotFrom(pairs: Iterable<[string, SnapshotEntry]>): Snapshot {
  const all = Object.fromEntries([...pairs].filter(([, entry]) => !(entry.table ?? (entry.what === 'table' ? entry.name : '')).startsWith(INTERNAL_TABLE_PREFIX)));
  const kept = Object.keys(all)
    .sort()
    .filter((key) => !isSyntheticElement(all[key] as SnapshotEntry, all) && !isRelationEnd(all[key] as SnapshotEntry, all))
    .map((key) => [key, all[key] as SnapshotEntry] as const);
  return { entries: Object.fromEntries(kept) };
}

/** Refuses `.was()` below the top level: a nested rename would otherwise pass unnoticed as a drop and an add. */
function checkRenames(model: ModelShape): void {
  const nested = (field: AnyField | undefined, path: string): void => {
    if (field === undefined) return;
    for (const [key, child] of Object.entries(field.config.shape ?? {})) {
      if (child.config.was !== undefined) throw new MigrationError(`${model.table}.${path}.${key}: .was() renames top-level fields only`);
      nested(child, `${path}.${key}`);
    }
    nested(field.config.of, `${path}.*`);
  };
  for (const [name, field] of Object.entries(model.fields)) nested(field, name);
}

/** The schema the models (and edges) declare: their DEFINE nodes (`defineNodes`), renames from `.was()`. */
export function snapshotOf(models: readonly ModelShape[]): Snapshot {
  models.forEach(checkRenames);
  return snapshotFrom(
    models.flatMap((model) =>
      defineNodes(model).map((node) => {
        const was = node.kind === 'defineField' && node.name.parts.length === 1 ? model.fields[pathText(node.name)]?.config.was : undefined;
        return entryOf(node, was);
      }),
    ),
  );
}

function without(entries: Record<string, SnapshotEntry>, predicate: (entry: SnapshotEntry) => boolean): void {
  for (const [key, entry] of Object.entries(entries)) if (predicate(entry)) delete entries[key];
}

/** The snapshot after one operation (raw SurrealQL, data migrations and rebuilds change no definition). */
export function applyToSnapshot(snapshot: Snapshot, operation: Operation): Snapshot {
  const entries: Record<string, SnapshotEntry> = { ...snapshot.entries };
  switch (operation.type) {
    case 'define':
    case 'alter': {
      const [key, entry] = entryOf(operation.node);
      entries[key] = entry;
      break;
    }
    case 'renameField': {
      const old = keyOf('field', operation.from, operation.table);
      const [key, entry] = operation.node ? entryOf(operation.node) : [keyOf('field', operation.to, operation.table), entries[old]];
      delete entries[old];
      if (entry !== undefined) entries[key] = entry;
      break;
    }
    case 'remove': {
      const node = operation.node;
      if (node.what === 'TABLE') without(entries, (e) => e.table === node.name || (e.what === 'table' && e.name === node.name));
      else if (node.what === 'FIELD') {
        const path = pathText(node.name);
        without(entries, (e) => e.what === 'field' && e.table === node.table && (e.name === path || e.name.startsWith(`${path}.`)));
      } else if (node.what === 'INDEX' || node.what === 'EVENT') delete entries[keyOf(node.what.toLowerCase() as EntryKind, node.name, node.table)];
      else delete entries[keyOf(node.what.toLowerCase() as EntryKind, node.name)];
      break;
    }
    default:
      break;
  }
  return snapshotFrom(Object.entries(entries));
}

/** The schema a list of migrations produces, worked out offline from their `up` operations. */
export function stateOf(migrations: readonly { readonly up: readonly Operation[] }[]): Snapshot {
  return migrations.flatMap((migration) => migration.up).reduce(applyToSnapshot, snapshotFrom([]));
}
