/**
 * @module @sdb/stream: SurrealDB 3 live queries and change feeds as async iterators, over any
 * client of the sdb client contract (live queries need a live-capable one: @sdb/ws, @sdb/embedded).
 */
export { live, type LiveAction, type LiveDiffEvent, type LiveEvent, type LiveOptions, type LiveResync, type LiveStream } from './live.ts';
export { watch, type WatchEvent, type WatchOptions, type WatchReady, type WatchSnapshot } from './watch.ts';
export { changes, enableChangefeed, type Change, type ChangeSet, type ChangesOptions, type RecordDeleted, type RecordUpdated, type TableDefined } from './changes.ts';
export { MemoryCheckpoint, RecordCheckpoint, type CheckpointStore } from './checkpoint.ts';
export type { LiveClient, LiveFeed, LiveFeedMessage, NotifyingClient, ReissuingLiveClient } from './live-client.ts';
export type { ChangefeedOptions, FeedPosition, Selection } from './statements.ts';
