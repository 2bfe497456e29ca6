/**
 * @module `watch(client, table, options)`: the records that match now, then every change after
 * them, with no gap and no duplicate. The live query is registered first; then the matching
 * records are read. A notification is taken as a sign that a record changed, not as its new
 * content: SurrealDB 3.0.2 can deliver the notifications of quick successive writes out of order
 * (seen on one record, in-process and over WebSocket), so the changed records are read again, one
 * read at a time, and each is compared with what was yielded last. Every yielded state was the
 * record's state when read, in read order, and identical states are never yielded twice. After a
 * reconnect all matching records are read again and the differences are yielded.
 */
import { encode, InvalidArgumentError, RecordId, type Table } from '@sdb/protocol';
import { checkArguments } from '@sdb/protocol/transport';
import { EventQueue } from './event-queue.ts';
import { liveEvent, liveStream, targetTable, type LiveEvent, type LiveResync, type LiveStream } from './live.ts';
import { openLive, type LiveClient } from './live-client.ts';
import { liveSelect, selectMatching, type Selection } from './statements.ts';

/** A record that matched when `watch` started. */
export interface WatchSnapshot<T = Record<string, unknown>> {
  action: 'SNAPSHOT';
  id: RecordId;
  record: T;
}

/** Every SNAPSHOT has been yielded; live changes follow. */
export interface WatchReady {
  action: 'READY';
}

/**
 * What `watch` yields. Its CREATE / UPDATE / DELETE events say how a record's state changed
 * between two reads: writes in quick succession may be folded into one event.
 */
export type WatchEvent<T = Record<string, unknown>> = WatchSnapshot<T> | WatchReady | LiveEvent<T> | LiveResync;

export type WatchOptions = Selection;

interface Known {
  id: RecordId;
  record: unknown;
  bytes: Uint8Array;
}

/**
 * Watches the records of `table` that match `options`: a SNAPSHOT event for each, READY, then a
 * CREATE / UPDATE / DELETE event for each change. Resolves once the live query is registered and
 * the snapshot read.
 */
export async function watch<T = Record<string, unknown>>(client: LiveClient, table: Table | string, options: WatchOptions = {}): Promise<LiveStream<WatchEvent<T>>> {
  checkArguments('watch', ['client', client, 'object'], ['options', options, 'object']);
  if ((options as { diff?: unknown }).diff !== undefined) throw new InvalidArgumentError('watch', 'options.diff', 'watch yields whole records: DIFF mode is for live()');
  const name = targetTable('watch', table);
  const liveQuery = liveSelect('watch', name, options, false);
  const queue = new EventQueue<WatchEvent<unknown>>();
  const known = new Map<string, Known>();
  /** Records a notification named since the last read; after a reconnect, `readAll` reads every one. */
  const dirty = new Map<string, RecordId>();
  let readAll = false;
  let reading: Promise<void> | undefined;

  const emit = (action: LiveEvent['action'], entry: Known) => queue.push({ action, id: entry.id, record: entry.record });

  /** Reads `ids` (or every matching record) and yields how each differs from what was yielded last. */
  const readAndCompare = async (ids: RecordId[] | undefined) => {
    const [rows] = await client.queryAll<[Record<string, unknown>[]]>(selectMatching('watch', name, options, ids));
    const seen = new Set<string>();
    for (const row of rows) {
      if (!(row.id instanceof RecordId)) continue;
      const key = row.id.toString();
      seen.add(key);
      const entry: Known = { id: row.id, record: row, bytes: encode(row) };
      const before = known.get(key);
      if (before && sameBytes(before.bytes, entry.bytes)) continue;
      known.set(key, entry);
      emit(before ? 'UPDATE' : 'CREATE', entry);
    }
    const scope = ids === undefined ? [...known.keys()] : ids.map((id) => id.toString());
    for (const key of scope) {
      const before = known.get(key);
      if (before === undefined || seen.has(key)) continue;
      known.delete(key);
      emit('DELETE', before);
    }
  };

  const drain = async () => {
    while (readAll || dirty.size > 0) {
      if (readAll) {
        readAll = false;
        dirty.clear();
        await readAndCompare(undefined);
      } else {
        const ids = [...dirty.values()];
        dirty.clear();
        await readAndCompare(ids);
      }
    }
  };

  const schedule = () => {
    if (reading || queue.ended) return;
    reading = drain()
      .catch((error: unknown) => {
        queue.end(error);
        void handle?.kill().catch(() => undefined);
      })
      .finally(() => {
        reading = undefined;
        if (readAll || dirty.size > 0) schedule();
      });
  };

  let handle: { kill(): Promise<void> } | undefined;
  let initial = true;
  handle = await openLive('watch', client, liveQuery, {
    message: (message) => {
      const event = liveEvent(message);
      if (event === undefined) return;
      if (event.action === 'RESYNC') {
        queue.push(event);
        readAll = true;
      } else {
        dirty.set(event.id.toString(), event.id);
      }
      if (!initial) schedule();
    },
    end: (error) => queue.end(error),
  });

  try {
    const [rows] = await client.queryAll<[Record<string, unknown>[]]>(selectMatching('watch', name, options));
    for (const row of rows) {
      if (!(row.id instanceof RecordId)) continue;
      const entry: Known = { id: row.id, record: row, bytes: encode(row) };
      known.set(row.id.toString(), entry);
      queue.push({ action: 'SNAPSHOT', id: entry.id, record: entry.record });
    }
    queue.push({ action: 'READY' });
  } catch (error) {
    await handle.kill().catch(() => undefined);
    throw error;
  }
  initial = false;
  // Records named by notifications that arrived during the snapshot read are read again now.
  schedule();
  return liveStream(queue, handle) as LiveStream<WatchEvent<T>>;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
