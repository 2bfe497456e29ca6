/**
 * @module The diff of two snapshots: the operations that turn one schema into the other (`up`)
 * and back (`down`), in an order the engine accepts (removals before definitions, analyzers
 * before the indexes that name them, tables before their fields). Renames come from `.was()`
 * and from the caller (`renames`: what `sdb makemigrations` asked about, `renameCandidates`).
 */
import { remove, type RemoveNode } from '@sdb/ql';
import { canonicalNode } from './canonical.ts';
import { MigrationError } from './errors.ts';
import type { Operation } from './operations.ts';
import { elementType, keyOf, type EntryKind, type Snapshot, type SnapshotEntry } from './snapshot.ts';

/** The field `from` of `table` is now called `to`. */
export interface Rename {
  readonly table: string;
  readonly from: string;
  readonly to: string;
}

/** The order definitions are made in; removals go the other way. */
const DEFINE_ORDER: readonly EntryKind[] = ['analyzer', 'function', 'param', 'sequence', 'access', 'table', 'field', 'index', 'event'];

function removeNode(entry: SnapshotEntry): RemoveNode {
  switch (entry.what) {
    case 'table': return remove.table(entry.name).node;
    case 'field': return remove.field(entry.name, entry.table as string).node;
    case 'index': return remove.index(entry.name, entry.table as string).node;
    case 'event': return remove.event(entry.name, entry.table as string).node;
    case 'access': return remove.access(entry.name, 'database').node;
    default: return remove[entry.what](entry.name).node;
  }
}

/** A definition as an operation: its node, or (read from a live database) the text INFO printed. */
function defineOp(entry: SnapshotEntry, type: 'define' | 'alter'): Operation {
  if (entry.node !== undefined) return { type, node: entry.node };
  const text = entry.source ?? entry.sql;
  return { type: 'raw', surql: type === 'alter' ? text.replace(/^DEFINE (\w+) /, 'DEFINE $1 OVERWRITE ') : text };
}

/** The element definition the engine made for an array field (`tags.*`), which REMOVE FIELD leaves behind. */
function syntheticElementOf(entry: SnapshotEntry, from: Snapshot): Operation | undefined {
  if (entry.what !== 'field' || elementType(entry) === undefined) return undefined;
  const element = `${entry.name}.*`;
  if (from.entries[keyOf('field', element, entry.table)] !== undefined) return undefined;
  return { type: 'remove', node: { ...remove.field(element, entry.table as string).ifExists().node } };
}

function operations(from: Snapshot, to: Snapshot, renames: readonly Rename[]): Operation[] {
  const renamedFrom = new Set(renames.map((r) => keyOf('field', r.from, r.table)));
  const renamedTo = new Set(renames.map((r) => keyOf('field', r.to, r.table)));
  const gone = Object.entries(from.entries).filter(([key]) => to.entries[key] === undefined && !renamedFrom.has(key)).map(([, e]) => e);
  const droppedTables = new Set(gone.filter((e) => e.what === 'table').map((e) => e.name));
  const removals = gone.filter((e) => e.table === undefined || !droppedTables.has(e.table));
  const removalsOf = (kinds: readonly EntryKind[]) =>
    removals
      .filter((e) => kinds.includes(e.what))
      .reverse()
      .flatMap((e): Operation[] => [{ type: 'remove', node: removeNode(e) }, ...[syntheticElementOf(e, from)].filter((o) => o !== undefined)]);

  const up: Operation[] = [...removalsOf(['event', 'index'])];
  for (const rename of renames) {
    const target = to.entries[keyOf('field', rename.to, rename.table)] as SnapshotEntry;
    if (target.node?.kind === 'defineField') up.push({ type: 'renameField', table: rename.table, from: rename.from, to: rename.to, node: target.node });
    else up.push(defineOp(target, 'define'), { type: 'renameField', table: rename.table, from: rename.from, to: rename.to });
  }
  up.push(...removalsOf(['field']), ...removalsOf(['table']), ...removalsOf(['access', 'sequence', 'param', 'function', 'analyzer']));
  for (const what of DEFINE_ORDER) {
    for (const [key, entry] of Object.entries(to.entries)) {
      if (entry.what !== what || renamedTo.has(key)) continue;
      const before = from.entries[key];
      if (before === undefined) up.push(defineOp(entry, 'define'));
      else if (before.sql !== entry.sql) up.push(defineOp(entry, 'alter'));
    }
  }
  return up;
}

/** Fields of `to` marked `.was(old)` whose old name exists in `from` and whose new name does not. */
function renamesBetween(from: Snapshot, to: Snapshot): Rename[] {
  return Object.entries(to.entries).flatMap(([key, entry]) => {
    if (entry.was === undefined || entry.table === undefined || from.entries[key] !== undefined) return [];
    const old = keyOf('field', entry.was, entry.table);
    return from.entries[old] !== undefined && to.entries[old] === undefined ? [{ table: entry.table, from: entry.was, to: entry.name }] : [];
  });
}

/** Top-level fields of a table that exists on both sides, in `side` and not in `other`, not already renamed. */
function fieldsOnlyIn(side: Snapshot, other: Snapshot, renamed: ReadonlySet<string>): SnapshotEntry[] {
  return Object.entries(side.entries)
    .filter(([key, e]) => e.what === 'field' && !e.name.includes('.') && other.entries[key] === undefined && !renamed.has(key) && other.entries[keyOf('table', e.table as string)] !== undefined)
    .map(([, e]) => e);
}

/** A field's type as the engine keeps it, whatever the field is called. */
function typeText(entry: SnapshotEntry): string | undefined {
  return entry.node?.kind === 'defineField' ? canonicalNode({ kind: 'defineField', name: { kind: 'idiom', parts: [{ type: 'field', name: '_' }] }, table: '_', type: entry.node.type }) : undefined;
}

/**
 * The renames a diff could mean but nothing declares: on a table of both schemas, a field gone
 * and one of the same type new (`.was()` renames left out). Each pair once; the CLI asks about them.
 */
export function possibleRenames(from: Snapshot, to: Snapshot): Rename[] {
  const declared = renamesBetween(from, to);
  const gone = fieldsOnlyIn(from, to, new Set(declared.map((r) => keyOf('field', r.from, r.table))));
  const added = fieldsOnlyIn(to, from, new Set(declared.map((r) => keyOf('field', r.to, r.table))));
  return gone.flatMap((old) => added.filter((now) => now.table === old.table && typeText(now) !== undefined && typeText(now) === typeText(old)).map((now) => ({ table: old.table as string, from: old.name, to: now.name })));
}

/** Refuses a rename whose old field is not gone or whose new field is not new, or a field in two renames. */
function checkRenames(from: Snapshot, to: Snapshot, renames: readonly Rename[]): void {
  const used = new Set<string>();
  for (const { table, from: old, to: now } of renames) {
    const oldKey = keyOf('field', old, table);
    const newKey = keyOf('field', now, table);
    if (from.entries[oldKey] === undefined || to.entries[oldKey] !== undefined) throw new MigrationError(`Cannot rename ${table}.${old}: it is not a field that the models dropped`);
    if (to.entries[newKey] === undefined || from.entries[newKey] !== undefined) throw new MigrationError(`Cannot rename ${table}.${old} to ${now}: ${table}.${now} is not a field that the models added`);
    if (used.has(oldKey) || used.has(newKey)) throw new MigrationError(`${table}.${used.has(oldKey) ? old : now} is in two renames`);
    used.add(oldKey).add(newKey);
  }
}

/**
 * What turns `from` into `to` (`up`) and back (`down`); both empty when the schemas agree.
 * `renames` adds renames to the `.was()` ones (a field gone and one new, kept with its values).
 */
export function diff(from: Snapshot, to: Snapshot, options: { renames?: readonly Rename[] } = {}): { up: Operation[]; down: Operation[] } {
  const declared = renamesBetween(from, to);
  const asked = (options.renames ?? []).filter((r) => !declared.some((d) => d.table === r.table && d.from === r.from && d.to === r.to));
  const renames = [...declared, ...asked];
  checkRenames(from, to, renames);
  return { up: operations(from, to, renames), down: operations(to, from, renames.map((r) => ({ table: r.table, from: r.to, to: r.from }))) };
}
