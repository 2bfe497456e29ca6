/**
 * @module `changes(client, options)`: a table's change feed (`SHOW CHANGES FOR TABLE …`) as an
 * async iterable of change sets, one per versionstamp (a transaction's writes share one). It is
 * pull-based: a page of `batchSize` is read only when the consumer has taken the previous one, and
 * an empty feed is polled every `pollInterval` ms, so it works over any client, HTTP included.
 * Every error rejects `next()`; nothing is retried silently.
 */
import { InvalidArgumentError, ProtocolError, RecordId, type PatchOperation, type Queryable } from '@sdb/protocol';
import { checkArguments } from '@sdb/protocol/transport';
import type { CheckpointStore } from './checkpoint.ts';
import { alterChangefeed, showChanges, type ChangefeedOptions, type FeedPosition } from './statements.ts';

/**
 * A record was written. The feed does not say whether it was created or updated (a CREATE appears
 * as an update), nor who wrote it. With `INCLUDE ORIGINAL` on the table, `reverse` holds the JSON
 * Patch that turns `record` back into its previous version; it is absent when there was none.
 */
export interface RecordUpdated<T = Record<string, unknown>> {
  type: 'update';
  table: string;
  id: RecordId;
  record: T;
  reverse?: PatchOperation[];
}

/** A record was deleted. The feed keeps only its id, never its content (not even with `INCLUDE ORIGINAL`). */
export interface RecordDeleted {
  type: 'delete';
  table: string;
  id: RecordId;
}

/** The table was defined or altered (the first entry of every feed is one); `definition` is the engine's own description. */
export interface TableDefined {
  type: 'define_table';
  table: string;
  definition: Record<string, unknown>;
}

export type Change<T = Record<string, unknown>> = RecordUpdated<T> | RecordDeleted | TableDefined;

/** What one versionstamp changed: the writes of one transaction, in every table read. */
export interface ChangeSet<T = Record<string, unknown>> {
  /** Above 2^53, hence a bigint. Checkpoints store it. */
  versionstamp: bigint;
  changes: Change<T>[];
}

export interface ChangesOptions {
  /** The table to read; or `tables`, whose feeds are merged in versionstamp order. */
  table?: string;
  tables?: readonly string[];
  /** Where to start when the checkpoint holds nothing: a versionstamp (inclusive) or a time. Default: the oldest change kept. */
  since?: FeedPosition;
  /** Change sets read per query (`LIMIT`), default 100. */
  batchSize?: number;
  /** Milliseconds between reads while the feed has nothing new, default 1000. */
  pollInterval?: number;
  /** Where the position is kept; reading resumes after the versionstamp it holds. */
  checkpoint?: CheckpointStore;
  /**
   * `'auto'` (default): the checkpoint is saved when the consumer asks for the next change set,
   * i.e. once it has handled the previous one: at-least-once. `'manual'`: the consumer saves it,
   * e.g. in the transaction that writes its effects: exactly-once.
   */
  commit?: 'auto' | 'manual';
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/** Reads the change feed of `table` (or `tables`), resuming after the checkpoint. Nothing is read before the first `next()`. */
export function changes<T = Record<string, unknown>>(client: Queryable, options: ChangesOptions): AsyncIterableIterator<ChangeSet<T>, undefined> {
  checkArguments('changes', ['client', client, 'object'], ['options', options, 'object']);
  const tables = tablesOf(options);
  const batchSize = positiveInteger('batchSize', options.batchSize ?? 100);
  const pollInterval = positiveInteger('pollInterval', options.pollInterval ?? 1000);
  const { checkpoint, commit = 'auto' } = options;
  if (commit !== 'auto' && commit !== 'manual') throw new InvalidArgumentError('changes', 'options.commit', "commit is 'auto' or 'manual'");

  let cursor: FeedPosition | undefined;
  let handled: bigint | undefined;
  let done = false;
  let wake: (() => void) | undefined;
  const buffer: ChangeSet<T>[] = [];
  let chain: Promise<unknown> = Promise.resolve();

  const pull = async (): Promise<IteratorResult<ChangeSet<T>, undefined>> => {
    if (done) return DONE;
    try {
      if (handled !== undefined && checkpoint && commit === 'auto') await checkpoint.save(handled);
      handled = undefined;
      let position = (cursor ??= await start(checkpoint, options.since));
      while (buffer.length === 0) {
        const page: ChangeSet<T>[] = await readPage<T>(client, tables, position, batchSize);
        if (done) return DONE;
        const last = page.at(-1);
        if (last) {
          buffer.push(...page);
          position = cursor = last.versionstamp + 1n;
        } else {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, pollInterval);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = undefined;
          if (done) return DONE;
        }
      }
      const next = buffer.shift() as ChangeSet<T>;
      handled = next.versionstamp;
      return { done: false, value: next };
    } catch (error) {
      done = true;
      throw error;
    }
  };

  const iterator: AsyncIterableIterator<ChangeSet<T>, undefined> = {
    next: () => {
      const result = chain.then(pull, pull);
      chain = result.catch(() => undefined);
      return result;
    },
    // Leaving the loop does not save the checkpoint: the change set in hand may not be handled.
    return: async () => {
      done = true;
      buffer.length = 0;
      wake?.();
      return DONE;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

async function start(checkpoint: CheckpointStore | undefined, since: FeedPosition | undefined): Promise<FeedPosition> {
  const saved = await checkpoint?.load();
  if (saved !== undefined) return saved + 1n;
  return since ?? 0n;
}

/** One page per table in a single query, merged by versionstamp; entries past what every full page covers wait for the next read. */
async function readPage<T>(client: Queryable, tables: string[], since: FeedPosition, limit: number): Promise<ChangeSet<T>[]> {
  const pages = await client.queryAll<unknown[][]>(tables.map((table) => showChanges(table, since, limit)).join(';\n'));
  let bound: bigint | undefined;
  const sets = new Map<bigint, ChangeSet<T>>();
  for (const page of pages) {
    if (!Array.isArray(page)) throw new ProtocolError('SHOW CHANGES did not answer an array');
    const entries = page.map((entry) => changeSet<T>(entry));
    const last = entries.at(-1);
    if (last && entries.length >= limit && (bound === undefined || last.versionstamp < bound)) bound = last.versionstamp;
    for (const entry of entries) {
      const set = sets.get(entry.versionstamp);
      if (set) set.changes.push(...entry.changes);
      else sets.set(entry.versionstamp, entry);
    }
  }
  return [...sets.values()].filter((set) => bound === undefined || set.versionstamp <= bound).sort((a, b) => (a.versionstamp < b.versionstamp ? -1 : 1));
}

function changeSet<T>(entry: unknown): ChangeSet<T> {
  const { versionstamp, changes } = (entry ?? {}) as { versionstamp?: unknown; changes?: unknown };
  if ((typeof versionstamp !== 'bigint' && typeof versionstamp !== 'number') || !Array.isArray(changes)) throw new ProtocolError('A change feed entry is { versionstamp, changes: [...] }');
  return { versionstamp: BigInt(versionstamp), changes: changes.map((change) => changeOf<T>(change)) };
}

function changeOf<T>(change: unknown): Change<T> {
  const entry = change as { update?: unknown; current?: unknown; delete?: { id?: unknown }; define_table?: Record<string, unknown> };
  if (entry.define_table !== undefined) return { type: 'define_table', table: String(entry.define_table.name), definition: entry.define_table };
  if (entry.delete !== undefined && entry.delete.id instanceof RecordId) return { type: 'delete', table: entry.delete.id.table, id: entry.delete.id };
  // With INCLUDE ORIGINAL an update is { current: record, update: reverse patch }; otherwise { update: record }.
  const record = (entry.current ?? entry.update) as { id?: unknown } | undefined;
  if (record?.id instanceof RecordId) {
    const updated: RecordUpdated<T> = { type: 'update', table: record.id.table, id: record.id, record: record as T };
    if (entry.current !== undefined && Array.isArray(entry.update)) updated.reverse = entry.update as PatchOperation[];
    return updated;
  }
  throw new ProtocolError('A change feed entry holds an unknown kind of change');
}

function tablesOf(options: ChangesOptions): string[] {
  const { table, tables } = options;
  if (table !== undefined && tables !== undefined) throw new InvalidArgumentError('changes', 'options', 'Give table or tables, not both');
  const list = table !== undefined ? [table] : tables !== undefined ? [...tables] : [];
  if (list.length === 0 || !list.every((name) => typeof name === 'string' && name !== '')) throw new InvalidArgumentError('changes', 'options.table', 'Name the table (or tables) whose change feed to read');
  return list;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) throw new InvalidArgumentError('changes', `options.${name}`, `${name} is a positive integer`);
  return value;
}

/**
 * Turns on the change feed of an existing table (`ALTER TABLE … CHANGEFEED`), keeping its schema
 * and permissions. Changes are recorded from now on only.
 */
export async function enableChangefeed(client: Queryable, table: string, options: ChangefeedOptions = {}): Promise<void> {
  checkArguments('enableChangefeed', ['client', client, 'object'], ['table', table, 'string'], ['options', options, 'object']);
  await client.queryAll(alterChangefeed(table, options));
}
