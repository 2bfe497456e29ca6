/**
 * @module The relation manager's writes (`add remove set clear`, ./manager.ts), each RELATE or
 * DELETE a @sdb/ql node. Imported on a manager's first write, so a page that only reads
 * relations never downloads them. A write that affects nothing (SurrealDB 3 answers a denied
 * write with an empty result) raises `RecordNotAffectedError`.
 */
import { RecordId } from '@sdb/protocol';
import { atomic, deleteFrom, eq, inside, notInside, relate, run, runBatch, select, type Statement } from '@sdb/ql';
import type { OrmClient } from '../connection.ts';
import { QuerySetError, RecordNotAffectedError } from '../errors.ts';
import { hydrate } from '../query/hydrate.ts';
import type { AnyEdge } from '../schema/edge.ts';
import { recordToCreate } from '../schema/validate.ts';
import { edgeEnds, type Direction } from './relation.ts';

/** What the writes need of a manager: its edge and direction, and (read when a write needs them) its client and record. */
export interface EdgeOwner {
  readonly edge: AnyEdge;
  readonly direction: Direction;
  client(): OrmClient;
  /** The manager's record id (a `QuerySetError` for an unsaved record). */
  me(): RecordId;
}

type Row = Record<string, unknown>;

function endsWith(owner: EdgeOwner, target: unknown): { in: RecordId; out: RecordId } {
  const far = target instanceof RecordId ? target : (target as { id?: unknown } | null)?.id;
  if (!(far instanceof RecordId)) throw new QuerySetError(`${owner.edge.table}: a related record is an instance or a RecordId, and an unsaved one has no id yet`);
  return owner.direction === 'out' ? { in: owner.me(), out: far } : { in: far, out: owner.me() };
}

function describe(owner: EdgeOwner, target: unknown): string {
  const { in: from, out: to } = endsWith(owner, target);
  return `${String(from)}->${owner.edge.table}->${String(to)}`;
}

function relateTo(owner: EdgeOwner, target: unknown, data: Row): Statement<unknown> {
  const { id: _id, in: from, out: to, ...content } = recordToCreate(owner.edge, { ...data, ...endsWith(owner, target) });
  return relate(from, owner.edge.table, to).content(content) as unknown as Statement<unknown>;
}

/** The edges each RELATE answered, as instances; raises when the server skipped one. */
function created(owner: EdgeOwner, results: readonly Row[][], targets: readonly unknown[]): object[] {
  const rows = results.map((rows, i) => {
    if (rows.length === 0) throw new RecordNotAffectedError(owner.edge.table, 'add', describe(owner, targets[i]));
    return rows[0]!;
  });
  return hydrate(owner.edge, rows);
}

/** `add(targets, data)`: one RELATE per target, in one atomic query; answers the new edges. */
export async function addEdges(owner: EdgeOwner, targets: readonly unknown[], data: Row): Promise<object[]> {
  const statements = targets.map((target) => relateTo(owner, target, data));
  if (statements.length === 0) return [];
  const results = (await runBatch(owner.client(), atomic(...statements))) as unknown as Row[][];
  return created(owner, results, targets);
}

/** `remove(...targets)`: deletes every edge to them; answers how many went, and raises when none did. */
export async function removeEdges(owner: EdgeOwner, targets: readonly unknown[]): Promise<number> {
  const { near, far } = edgeEnds(owner.direction);
  const farIds = targets.map((target) => endsWith(owner, target)[far]);
  if (farIds.length === 0) return 0;
  const removed = await run(owner.client(), deleteFrom(owner.edge.table).where(eq(near, owner.me())).where(inside(far, farIds)).return('before'));
  if (removed.length === 0) throw new RecordNotAffectedError(owner.edge.table, 'remove', targets.map((t) => describe(owner, t)).join(', '));
  return removed.length;
}

/** `clear()`: deletes every edge of the record in the manager's direction; answers how many went. */
export async function clearEdges(owner: EdgeOwner): Promise<number> {
  const { near } = edgeEnds(owner.direction);
  return (await run(owner.client(), deleteFrom(owner.edge.table).where(eq(near, owner.me())).return('before'))).length;
}

/** `set(targets, data)`: reads the current far ends, then deletes the stale edges and relates the new ones in one atomic query. */
export async function setEdges(owner: EdgeOwner, targets: readonly unknown[], data: Row): Promise<void> {
  const { near, far } = edgeEnds(owner.direction);
  const { table } = owner.edge;
  const client = owner.client();
  const wanted = new Map(targets.map((target) => [String(endsWith(owner, target)[far]), target]));
  const current = await run(client, select<Row>(table).value(far).where(eq(near, owner.me())));
  const stale = current.filter((id) => !wanted.has(String(id)));
  const have = new Set(current.map(String));
  const added = [...wanted].filter(([key]) => !have.has(key)).map(([, target]) => target);
  const statements: Statement<unknown>[] = added.map((target) => relateTo(owner, target, data));
  if (stale.length > 0) {
    const farIds = [...wanted.values()].map((target) => endsWith(owner, target)[far]);
    statements.unshift(deleteFrom(table).where(eq(near, owner.me())).where(notInside(far, farIds)).return('before') as unknown as Statement<unknown>);
  }
  if (statements.length === 0) return;
  const results = (await runBatch(client, atomic(...statements))) as unknown as Row[][];
  if (stale.length > 0 && results.shift()!.length < stale.length) throw new RecordNotAffectedError(table, 'set', `the ${table} edges of ${String(owner.me())} to remove`);
  created(owner, results, added);
}
