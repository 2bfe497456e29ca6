/**
 * @module The relation manager, `ann.related(Knows)`: the records at the far end of a record's
 * edges (`all filter count exists`, a queryset over the graph walk `->knows->person`), the edge
 * records themselves (`edges()`), and the writes `add remove set clear` (./edge-writes.ts,
 * imported on the first write).
 */
import { RecordId } from '@sdb/protocol';
import { resolveClient, type OrmClient, type Using } from '../connection.ts';
import { QuerySetError } from '../errors.ts';
import type { FilterParts } from '../query/q.ts';
import { withState, type FilterModel, type QuerySet } from '../query/queryset.ts';
import { endsOf, type AnyEdge, type EndOf } from '../schema/edge.ts';
import type { AnyModel, InstanceOf } from '../schema/model.ts';
import type { EdgeOwner } from './edge-writes.ts';
import { reachedFrom } from './graph.ts';
import { edgeEnds, farModel, nearModel, type Direction } from './relation.ts';

const edgeWrites = () => import('./edge-writes.ts');

/** The model a walk of edge `E` in direction `D` reaches. */
export type FarOf<E extends AnyEdge, D extends Direction> = EndOf<E, D extends 'in' ? 'in' : 'out'>;

/** The extra fields of an edge (what `add()` takes besides the two ends). */
type EdgeData<E extends AnyEdge> = Omit<Parameters<E['objects']['create']>[0], 'in' | 'out' | 'id'>;

/** A record, as an instance or its id. */
type RecordRef<T extends AnyModel> = InstanceOf<T> | RecordId<T['table']>;

export class RelationManager<E extends AnyEdge, T extends AnyModel> {
  readonly edge: E;
  readonly direction: Direction;
  readonly #owner: { id?: unknown };
  readonly #using: Using | undefined;

  constructor(owner: { id?: unknown }, edge: E, direction: Direction, using?: Using) {
    endsOf(edge, 'related()');
    if (direction !== 'out' && direction !== 'in') throw new QuerySetError(`related() direction is 'out' or 'in', got ${String(direction)}`);
    const near = nearModel(edge, direction);
    const table = (owner.constructor as { table?: string }).table;
    if (table !== undefined && table !== near.table) throw new QuerySetError(`${edge.table} ${direction === 'out' ? 'goes from' : 'goes to'} ${near.table}, not ${table}${direction === 'out' ? " (for edges pointing at it use { direction: 'in' })" : ''}`);
    this.edge = edge;
    this.direction = direction;
    this.#owner = owner;
    this.#using = using;
    Object.freeze(this);
  }

  /** The manager on another connection (or inside a transaction: `using(tx)`). */
  using(using: Using): RelationManager<E, T> {
    return new RelationManager(this.#owner, this.edge, this.direction, using);
  }

  /** The model at the far end. */
  get target(): T {
    return farModel(this.edge, this.direction) as T;
  }

  get #client(): OrmClient {
    return resolveClient(this.#using);
  }

  get #me(): RecordId {
    const id = this.#owner.id;
    if (!(id instanceof RecordId)) throw new QuerySetError(`An unsaved record has no ${this.edge.table} edges; save() it first`);
    return id;
  }

  // ----- reading -----

  /** The far-end records as a queryset (each once, however many edges lead to it): filter, order, count, slice it. */
  objects(): QuerySet<T> {
    const objects = this.target.objects as QuerySet<T>;
    return withState(this.#using === undefined ? objects : objects.using(this.#using), this.target, { source: reachedFrom(this.#me, this.edge, this.direction) });
  }

  all(): Promise<InstanceOf<T>[]> {
    return this.objects().all();
  }

  filter<const P extends readonly unknown[]>(...parts: FilterParts<FilterModel<T>, P>): QuerySet<T> {
    return this.objects().filter(...(parts as readonly never[]));
  }

  count(): Promise<number> {
    return this.objects().count();
  }

  exists(): Promise<boolean> {
    return this.objects().exists();
  }

  /** The edge records (`{ id, in, out, ...fields }`) from this record (or to it, with `direction: 'in'`). */
  edges(): QuerySet<E> {
    const edges = this.edge.objects.filter({ [edgeEnds(this.direction).near]: this.#me } as never) as QuerySet<E>;
    return this.#using === undefined ? edges : edges.using(this.#using);
  }

  // ----- writing (./edge-writes.ts, loaded on the first write) -----

  get #writer(): EdgeOwner {
    return { edge: this.edge, direction: this.direction, client: () => this.#client, me: () => this.#me };
  }

  /**
   * Adds an edge to each target (`RELATE ann->knows->bob CONTENT { since }`, several in one
   * atomic query) and answers the new edge records; `data` is checked against the edge's fields first.
   */
  async add(targets: RecordRef<T> | readonly RecordRef<T>[], data?: EdgeData<E>): Promise<InstanceOf<E>[]> {
    const list = Array.isArray(targets) ? targets : [targets];
    return (await edgeWrites()).addEdges(this.#writer, list, (data ?? {}) as Record<string, unknown>) as Promise<InstanceOf<E>[]>;
  }

  /** Deletes every edge between this record and the targets; answers how many went, and raises when none did. */
  async remove(...targets: RecordRef<T>[]): Promise<number> {
    return (await edgeWrites()).removeEdges(this.#writer, targets);
  }

  /** Deletes every edge of this record (in the manager's direction); answers how many went (0 when there were none). */
  async clear(): Promise<number> {
    return (await edgeWrites()).clearEdges(this.#writer);
  }

  /**
   * Makes the targets exactly the related records: one query reads the current far ends, one
   * atomic query deletes the edges to the others and relates the new ones (`data` on each new
   * edge). Raises when the server silently skipped any of those writes.
   */
  async set(targets: readonly RecordRef<T>[], data?: EdgeData<E>): Promise<void> {
    return (await edgeWrites()).setEdges(this.#writer, targets, (data ?? {}) as Record<string, unknown>);
  }
}
