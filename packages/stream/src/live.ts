/**
 * @module `live(client, table, options)`: a live query as an async iterable of typed events. The
 * query is registered before `live` resolves and every event from then on is kept until it is
 * read; leaving the loop (`break`, `return()`) kills the query on the server. After a reconnect
 * the client re-issues the query and the stream yields `{ action: 'RESYNC' }`: changes made while
 * the connection was down were not seen. With `resync: 'reread'` the marker is followed by what
 * changed meanwhile, found by reading the matching records again (the `RecordMirror` watch uses).
 */
import { InvalidArgumentError, RecordId, Table, type CompiledQuery, type PatchOperation } from '@sdb/protocol';
import { checkArguments } from '@sdb/protocol/transport';
import { EventQueue } from './event-queue.ts';
import { openLive, type LiveClient, type LiveFeedMessage, type OpenLive } from './live-client.ts';
import { RecordMirror } from './mirror.ts';
import { liveSelect, type Selection } from './statements.ts';

export type LiveAction = 'CREATE' | 'UPDATE' | 'DELETE';

/** A change to one record, with the record as it is now (for DELETE: as it was). */
export interface LiveEvent<T = Record<string, unknown>> {
  action: LiveAction;
  id: RecordId;
  record: T;
  diff?: undefined;
}

/** A change to one record in DIFF mode: JSON Patch operations from its previous version (CREATE: from nothing). */
export interface LiveDiffEvent {
  action: LiveAction;
  id: RecordId;
  record?: undefined;
  diff: PatchOperation[];
}

/** The client reconnected and registered the query again: changes made meanwhile were not seen. */
export interface LiveResync {
  action: 'RESYNC';
}

/** An async iterable of events; `return()` (or `break`) and `kill()` stop the live query. */
export interface LiveStream<E> extends AsyncIterableIterator<E, undefined> {
  /** Stops the live query; iteration ends after the events already read. */
  kill(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

export interface LiveOptions extends Selection {
  /** Send JSON Patch diffs instead of whole records (`LIVE SELECT DIFF FROM …`). */
  diff?: boolean;
  /**
   * What a reconnect yields. `'marker'` (default): `{ action: 'RESYNC' }` only. `'reread'`: the
   * marker, then a CREATE / UPDATE / DELETE for each matching record that changed while the
   * connection was down, from reading them all again (not with `diff`, nor a compiled query).
   */
  resync?: 'marker' | 'reread';
}

/**
 * Starts a live query on `table` (which must exist) and resolves once it is registered. Or pass a
 * compiled `LIVE SELECT` (`{ query, bindings }`, as @sdb/ql compiles one).
 */
export function live<T = Record<string, unknown>>(client: LiveClient, table: Table | string, options?: LiveOptions & { diff?: false }): Promise<LiveStream<LiveEvent<T> | LiveResync>>;
export function live(client: LiveClient, table: Table | string, options: LiveOptions & { diff: true }): Promise<LiveStream<LiveDiffEvent | LiveResync>>;
export function live<T = Record<string, unknown>>(client: LiveClient, query: CompiledQuery): Promise<LiveStream<LiveEvent<T> | LiveDiffEvent | LiveResync>>;
export async function live(client: LiveClient, target: Table | string | CompiledQuery, options: LiveOptions = {}): Promise<LiveStream<LiveEvent<unknown> | LiveDiffEvent | LiveResync>> {
  checkArguments('live', ['client', client, 'object'], ['options', options, 'object']);
  const { resync = 'marker' } = options;
  if (resync !== 'marker' && resync !== 'reread') throw new InvalidArgumentError('live', 'options.resync', "resync is 'marker' or 'reread'");
  if (resync === 'reread' && isCompiled(target)) throw new InvalidArgumentError('live', 'options.resync', "resync: 'reread' needs a table and options to read the records again, not a compiled query");
  if (resync === 'reread' && options.diff === true) throw new InvalidArgumentError('live', 'options.resync', "resync: 'reread' yields whole records: it cannot be combined with diff");
  const query = isCompiled(target) ? target : liveSelect('live', targetTable('live', target), options, options.diff === true);
  if (resync === 'reread') return rereadingLive(client, targetTable('live', target), options, query);
  const queue = new EventQueue<LiveEvent<unknown> | LiveDiffEvent | LiveResync>();
  const handle = await openLive('live', client, query, {
    message: (message) => {
      const event = liveEvent(message);
      if (event) queue.push(event);
    },
    end: (error) => queue.end(error),
  });
  return liveStream(queue, handle);
}

/**
 * A live query that remembers the last state it yielded of each matching record (from a first
 * read, then from its events), so that after a reconnect it can read them all again and yield the
 * differences. While such a read runs, notified records are read again after it instead of being
 * passed on: an event older than the read must not be yielded after it.
 */
async function rereadingLive(client: LiveClient, table: Table | string, options: LiveOptions, query: CompiledQuery): Promise<LiveStream<LiveEvent<unknown> | LiveResync>> {
  const queue = new EventQueue<LiveEvent<unknown> | LiveResync>();
  let handle: OpenLive | undefined;
  const mirror = new RecordMirror('live', client, table, options, {
    emit: (event) => queue.push(event),
    fail: (error) => {
      queue.end(error);
      void handle?.kill().catch(() => undefined);
    },
  });
  /** Records an event named while the baseline was read (`undefined` after): the event, not the read, is what was yielded. */
  let touched: Set<string> | undefined = new Set<string>();
  handle = await openLive('live', client, query, {
    message: (message) => {
      const event = liveEvent(message);
      if (event === undefined) return;
      if (event.action === 'RESYNC') {
        queue.push(event);
        mirror.resync();
      } else if (mirror.busy) {
        mirror.changed(event.id);
      } else {
        // Whole records: DIFF mode was refused above.
        const change = event as LiveEvent<unknown>;
        touched?.add(change.id.toString());
        mirror.remember(change.id, change.action === 'DELETE' ? undefined : change.record);
        queue.push(change);
      }
    },
    end: (error) => {
      mirror.stop();
      queue.end(error);
    },
  });
  try {
    for (const row of await mirror.read()) {
      const id = row.id as RecordId;
      if (!touched?.has(id.toString())) mirror.remember(id, row);
    }
  } catch (error) {
    mirror.stop();
    await handle.kill().catch(() => undefined);
    throw error;
  }
  touched = undefined;
  mirror.release();
  return liveStream(queue, handle);
}

function isCompiled(target: unknown): target is CompiledQuery {
  return typeof target === 'object' && target !== null && !(target instanceof Table) && typeof (target as CompiledQuery).query === 'string';
}

/** `table` checked: a name or a `Table`. */
export function targetTable(method: string, table: unknown): Table | string {
  if (typeof table === 'string' || table instanceof Table) return table;
  throw new InvalidArgumentError(method, 'table', 'Expected a table name or a Table');
}

/** The event a client's live message stands for; `undefined` for KILLED (the stream ends). */
export function liveEvent(message: LiveFeedMessage): LiveEvent<unknown> | LiveDiffEvent | LiveResync | undefined {
  const { action, record, result } = message;
  if (action === 'RESUMED') return { action: 'RESYNC' };
  if (action !== 'CREATE' && action !== 'UPDATE' && action !== 'DELETE') return undefined;
  if (!(record instanceof RecordId)) return undefined;
  // A DIFF live query sends an array of patch operations; any other sends the record.
  return Array.isArray(result) ? { action, id: record, diff: result as PatchOperation[] } : { action, id: record, record: result };
}

/** A stream over `queue` whose end kills the live query behind it. */
export function liveStream<E>(queue: EventQueue<E>, handle: Pick<OpenLive, 'kill'>): LiveStream<E> {
  let killing: Promise<void> | undefined;
  const kill = () => {
    killing ??= handle.kill().finally(() => queue.end());
    return killing;
  };
  const stream: LiveStream<E> = {
    next: () => queue.next(),
    return: async () => {
      queue.close();
      // Leaving a loop must not throw: the stream has ended whatever the server answers.
      await kill().catch(() => undefined);
      return { done: true, value: undefined };
    },
    kill,
    [Symbol.asyncIterator]: () => stream,
    [Symbol.asyncDispose]: async () => {
      await stream.return?.();
    },
  };
  return stream;
}
