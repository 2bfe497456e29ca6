/**
 * @module Live querysets and change feeds through @sdb/stream: `live()`, `watch()` and `changes()`
 * give @sdb/stream's events with model instances in place of raw records. The queryset's filter
 * is the same ql condition `filter()` builds (one lookup table), printed by ql's compiler: its
 * values travel as bound parameters, never inside the LIVE SELECT text.
 */
import type { Expression } from '@sdb/functions';
import { valuesEqual, type PatchOperation, type RecordId } from '@sdb/protocol';
import { CoreCompiler } from '@sdb/ql';
import { changes, live, watch, type ChangesOptions, type LiveAction, type LiveClient, type LiveResync, type LiveStream, type Selection } from '@sdb/stream';
import type { OrmClient } from '../connection.ts';
import { assignRow, type Hydratable } from './hydrate.ts';

/** A change to one record, as an instance of the model (for DELETE: the record as it was). */
export interface LiveChange<I, K extends string = string> {
  action: LiveAction;
  id: RecordId;
  instance: I;
  /**
   * On UPDATE, the declared fields whose value differs from the state of the record this stream
   * yielded last; absent when the stream has not seen the record before (or on CREATE / DELETE).
   */
  changedFields?: K[];
}

/** What `queryset.live()` yields: changes, and `RESYNC` after a reconnect (writes meanwhile were not seen). */
export type LiveModelEvent<I, K extends string = string> = LiveChange<I, K> | LiveResync;

/** What `queryset.watch()` yields: a SNAPSHOT per matching record, READY, then changes (and RESYNC after a reconnect). */
export type WatchModelEvent<I, K extends string = string> = { action: 'SNAPSHOT'; id: RecordId; instance: I } | { action: 'READY' } | LiveChange<I, K> | LiveResync;

export interface LiveModelOptions {
  /** As @sdb/stream's `live`: `'marker'` (default) yields RESYNC only; `'reread'` also yields what changed while disconnected. */
  resync?: 'marker' | 'reread';
}

/** A change-feed entry with the record as an instance. The feed cannot tell a create from an update. */
export type ModelChange<I> =
  | { type: 'update'; id: RecordId; instance: I; reverse?: PatchOperation[] }
  | { type: 'delete'; id: RecordId }
  | { type: 'define_table'; definition: Record<string, unknown> };

/** The writes of one transaction; save `versionstamp` to the checkpoint once they are handled. */
export interface ModelChangeSet<I> {
  versionstamp: bigint;
  changes: ModelChange<I>[];
}

/** @sdb/stream's `changes` options, the table being the model's. */
export type ModelChangesOptions = Omit<ChangesOptions, 'table' | 'tables'>;

/** What the streams need of a model. */
export interface LiveModel extends Hydratable {
  readonly table: string;
  readonly fieldNames: readonly string[];
}

type Row = Record<string, unknown>;

/** The condition as @sdb/stream's `where` text and `params`, both printed by ql's compiler. */
function selection(condition: Expression<boolean> | undefined): Selection {
  if (condition === undefined) return {};
  const compiler = new CoreCompiler();
  return { where: compiler.print(condition.node), params: compiler.bindings };
}

/** One instance from one record (as `hydrate` makes them, without its array). */
function instanceOf<I>(model: LiveModel, record: unknown): I {
  const instance = Object.create(model.prototype) as object;
  assignRow(instance, record as Row, model.loadPlan);
  return instance as I;
}

/**
 * Turns raw change events into `LiveChange`s, remembering the last state yielded of each record
 * (so UPDATE can say which fields changed); a DELETE forgets it.
 */
class ChangeTracker<I> {
  readonly #last = new Map<string, Row>();

  constructor(readonly model: LiveModel) {}

  remember(id: RecordId, record: Row): void {
    this.#last.set(id.toString(), record);
  }

  change(action: LiveAction, id: RecordId, record: Row): LiveChange<I> {
    const key = id.toString();
    const previous = this.#last.get(key);
    if (action === 'DELETE') this.#last.delete(key);
    else this.#last.set(key, record);
    const instance = instanceOf<I>(this.model, record);
    if (action !== 'UPDATE' || previous === undefined) return { action, id, instance };
    return { action, id, instance, changedFields: this.model.fieldNames.filter((name) => !valuesEqual(previous[name], record[name])) };
  }
}

/** `source` with each value mapped; leaving it (`return()`) leaves `source`. */
function mapIterator<E, F>(source: AsyncIterableIterator<E, undefined>, map: (value: E) => F): AsyncIterableIterator<F, undefined> {
  const iterator: AsyncIterableIterator<F, undefined> = {
    next: async () => {
      const result = await source.next();
      return result.done ? result : { done: false, value: map(result.value) };
    },
    return: async () => {
      await source.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

/** A live stream with each event mapped; ending or killing it ends and kills `source`. */
function mapStream<E, F>(source: LiveStream<E>, map: (event: E) => F): LiveStream<F> {
  const stream = Object.assign(mapIterator(source, map), {
    kill: () => source.kill(),
    [Symbol.asyncDispose]: () => source[Symbol.asyncDispose](),
  });
  stream[Symbol.asyncIterator] = () => stream;
  return stream;
}

/** A live query on the records of `model` matching `condition`, yielding instances. */
export async function liveInstances<I>(model: LiveModel, client: OrmClient, condition: Expression<boolean> | undefined, options: LiveModelOptions = {}): Promise<LiveStream<LiveModelEvent<I>>> {
  const source = await live<Row>(client as LiveClient, model.table, { ...selection(condition), ...(options.resync !== undefined ? { resync: options.resync } : {}) });
  const tracker = new ChangeTracker<I>(model);
  return mapStream(source, (event): LiveModelEvent<I> => (event.action === 'RESYNC' ? event : tracker.change(event.action, event.id, event.record)));
}

/** The matching records of `model` (SNAPSHOT each, then READY), then every change, as instances. */
export async function watchInstances<I>(model: LiveModel, client: OrmClient, condition: Expression<boolean> | undefined): Promise<LiveStream<WatchModelEvent<I>>> {
  const source = await watch<Row>(client as LiveClient, model.table, selection(condition));
  const tracker = new ChangeTracker<I>(model);
  return mapStream(source, (event): WatchModelEvent<I> => {
    switch (event.action) {
      case 'SNAPSHOT':
        tracker.remember(event.id, event.record);
        return { action: 'SNAPSHOT', id: event.id, instance: instanceOf<I>(model, event.record) };
      case 'READY':
      case 'RESYNC':
        return event;
      default:
        return tracker.change(event.action, event.id, event.record);
    }
  });
}

/**
 * The change feed of `model`'s table (declared with `changefeed`), as change sets of instances.
 * Options are checked now; nothing is read before the first `next()`.
 */
export function changeInstances<I>(model: LiveModel, client: OrmClient, options: ModelChangesOptions = {}): AsyncIterableIterator<ModelChangeSet<I>, undefined> {
  return mapIterator(changes<Row>(client, { ...options, table: model.table }), (set) => ({
    versionstamp: set.versionstamp,
    changes: set.changes.map((change): ModelChange<I> => {
      if (change.type === 'delete') return { type: 'delete', id: change.id };
      if (change.type === 'define_table') return { type: 'define_table', definition: change.definition };
      const instance = instanceOf<I>(model, change.record);
      return change.reverse === undefined ? { type: 'update', id: change.id, instance } : { type: 'update', id: change.id, instance, reverse: change.reverse };
    }),
  }));
}
