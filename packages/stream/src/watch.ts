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
import { InvalidArgumentError, type RecordId, type Table } from '@sdb/protocol';
import { checkArguments } from '@sdb/protocol/transport';
import { EventQueue } from './event-queue.ts';
import { liveEvent, liveStream, targetTable, type LiveEvent, type LiveResync, type LiveStream } from './live.ts';
import { openLive, type LiveClient } from './live-client.ts';
import { RecordMirror } from './mirror.ts';
import { liveSelect, type Selection } from './statements.ts';

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
  let handle: { kill(): Promise<void> } | undefined;
  const mirror = new RecordMirror('watch', client, name, options, {
    emit: (event) => queue.push(event),
    fail: (error) => {
      queue.end(error);
      void handle?.kill().catch(() => undefined);
    },
  });
  // Reads wait until the snapshot is in: records named meanwhile are read again after it.
  handle = await openLive('watch', client, liveQuery, {
    message: (message) => {
      const event = liveEvent(message);
      if (event === undefined) return;
      if (event.action === 'RESYNC') {
        queue.push(event);
        mirror.resync();
      } else {
        mirror.changed(event.id);
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
      mirror.remember(id, row);
      queue.push({ action: 'SNAPSHOT', id, record: row });
    }
    queue.push({ action: 'READY' });
  } catch (error) {
    mirror.stop();
    await handle.kill().catch(() => undefined);
    throw error;
  }
  mirror.release();
  return liveStream(queue, handle) as LiveStream<WatchEvent<T>>;
}
