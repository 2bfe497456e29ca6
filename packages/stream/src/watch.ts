/**
 * @module `watch(client, table, options)`: the records that match now, then every change after
 * them, with no gap and no duplicate: the live query is registered first and its events are held
 * while the matching records are read; then each held event the read already reflects is dropped
 * (matched by record id and content) and the rest follow. After a reconnect the records are read
 * again the same way and the differences are yielded as CREATE / UPDATE / DELETE events.
 */
import { checkArguments, encode, InvalidArgumentError, RecordId, type Table } from '@sdb/protocol';
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

export type WatchEvent<T = Record<string, unknown>> = WatchSnapshot<T> | WatchReady | LiveEvent<T> | LiveResync;

export type WatchOptions = Selection;

interface Known {
  record: unknown;
  bytes: Uint8Array;
}

/**
 * Watches the records of `table` that match `options`: SNAPSHOT events for each, READY, then a
 * CREATE / UPDATE / DELETE event for each change. Resolves once the live query is registered and
 * the snapshot read.
 */
export async function watch<T = Record<string, unknown>>(client: LiveClient, table: Table | string, options: WatchOptions = {}): Promise<LiveStream<WatchEvent<T>>> {
  checkArguments('watch', ['client', client, 'object'], ['options', options, 'object']);
  if ((options as { diff?: unknown }).diff !== undefined) throw new InvalidArgumentError('watch', 'options.diff', 'watch merges whole records: DIFF mode is for live()');
  const name = targetTable('watch', table);
  const snapshotQuery = selectMatching('watch', name, options);
  const queue = new EventQueue<WatchEvent<unknown>>();
  const known = new Map<string, Known>();
  let held: LiveEvent<unknown>[] | undefined = [];
  let reading: Promise<void> | undefined;
  let readAgain = false;

  const apply = (event: LiveEvent<unknown>) => {
    const key = event.id.toString();
    if (event.action === 'DELETE') {
      if (!known.delete(key)) return;
    } else {
      const bytes = encode(event.record);
      if (sameBytes(known.get(key)?.bytes, bytes)) return;
      known.set(key, { record: event.record, bytes });
    }
    queue.push(event);
  };

  /** Reads the matching records, yields how they differ from what was known, then the held events the read does not reflect. */
  const read = async (first: boolean) => {
    held ??= [];
    const [rows] = await client.queryAll<[Record<string, unknown>[]]>(snapshotQuery);
    const snapshot = new Map<string, { id: RecordId; record: unknown; bytes: Uint8Array }>();
    for (const row of rows) {
      if (!(row.id instanceof RecordId)) continue;
      snapshot.set(row.id.toString(), { id: row.id, record: row, bytes: encode(row) });
    }
    if (first) {
      for (const [key, { id, record, bytes }] of snapshot) {
        known.set(key, { record, bytes });
        queue.push({ action: 'SNAPSHOT', id, record });
      }
      queue.push({ action: 'READY' });
    } else {
      for (const [key, { record }] of known) if (!snapshot.has(key)) apply({ action: 'DELETE', id: (record as { id: RecordId }).id, record });
      for (const { id, record } of snapshot.values()) apply({ action: known.has(id.toString()) ? 'UPDATE' : 'CREATE', id, record });
    }
    const events = held;
    held = undefined;
    for (const event of unseen(events, snapshot)) apply(event);
  };

  const reread = () => {
    if (reading) {
      readAgain = true;
      return;
    }
    held ??= [];
    reading = read(false)
      .catch((error: unknown) => fail(error))
      .finally(() => {
        reading = undefined;
        if (readAgain) {
          readAgain = false;
          reread();
        }
      });
  };

  let handle: { kill(): Promise<void> } | undefined;
  const fail = (error: unknown) => {
    queue.end(error);
    void handle?.kill().catch(() => undefined);
  };

  handle = await openLive('watch', client, liveSelect('watch', name, options, false), {
    message: (message) => {
      const event = liveEvent(message);
      if (event === undefined || 'diff' in event) return;
      if (event.action === 'RESYNC') {
        queue.push(event);
        reread();
      } else if (held) held.push(event);
      else apply(event);
    },
    end: (error) => queue.end(error),
  });
  reading = read(true);
  try {
    await reading;
  } catch (error) {
    await handle.kill().catch(() => undefined);
    throw error;
  } finally {
    reading = undefined;
  }
  if (readAgain) {
    readAgain = false;
    reread();
  }
  return liveStream(queue, handle) as LiveStream<WatchEvent<T>>;
}

/**
 * The held events a read does not already reflect. For each record, every event up to the last
 * one whose result equals what the read saw happened before the read; the others came after it.
 */
function unseen(events: LiveEvent<unknown>[], snapshot: Map<string, { bytes: Uint8Array }>): LiveEvent<unknown>[] {
  const lastSeen = new Map<string, number>();
  events.forEach((event, index) => {
    const key = event.id.toString();
    const read = snapshot.get(key);
    const reflected = event.action === 'DELETE' ? read === undefined : read !== undefined && sameBytes(read.bytes, encode(event.record));
    if (reflected) lastSeen.set(key, index);
  });
  return events.filter((event, index) => index > (lastSeen.get(event.id.toString()) ?? -1));
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  if (a === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
