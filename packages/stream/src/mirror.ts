/**
 * @module `RecordMirror`: the state of each matching record as a stream last yielded it, and the
 * re-read that brings a consumer up to date: read records again (some by id, or all that match)
 * and yield how each differs from what was yielded last, as CREATE / UPDATE / DELETE. `watch`
 * re-reads every record a notification names and everything after a reconnect; `live` with
 * `resync: 'reread'` re-reads everything after a reconnect. Reads run one at a time; records
 * named while a read runs are read after it.
 */
import { encode, RecordId, type Table } from '@sdb/protocol';
import type { LiveEvent } from './live.ts';
import type { LiveClient } from './live-client.ts';
import { selectMatching, type Selection } from './statements.ts';

interface Known {
  id: RecordId;
  record: unknown;
  bytes: Uint8Array;
}

export interface MirrorSink {
  /** A record's state differs from what was yielded last. */
  emit(event: LiveEvent<unknown>): void;
  /** A read failed: the stream ends with its error. */
  fail(error: unknown): void;
}

export class RecordMirror {
  readonly #known = new Map<string, Known>();
  /** Records named since the last read; `#readAll` stands for every matching record. */
  readonly #dirty = new Map<string, RecordId>();
  #readAll = false;
  #reading: Promise<void> | undefined;
  #held = true;
  #stopped = false;

  readonly #method: string;
  readonly #client: LiveClient;
  readonly #table: Table | string;
  readonly #selection: Selection;
  readonly #sink: MirrorSink;

  constructor(method: string, client: LiveClient, table: Table | string, selection: Selection, sink: MirrorSink) {
    this.#method = method;
    this.#client = client;
    this.#table = table;
    this.#selection = selection;
    this.#sink = sink;
  }

  /** Whether a re-read is running or waiting: events named meanwhile should be `changed`, not passed on. */
  get busy(): boolean {
    return this.#reading !== undefined || this.#readAll || this.#dirty.size > 0;
  }

  /** Reads every matching record once, without yielding: the baseline later reads compare with. */
  async read(): Promise<Record<string, unknown>[]> {
    const [rows] = await this.#client.queryAll<[Record<string, unknown>[]]>(selectMatching(this.#method, this.#table, this.#selection));
    return rows.filter((row) => row.id instanceof RecordId);
  }

  /** Notes `record` (or, with `undefined`, its absence) as what the consumer last saw of `id`. */
  remember(id: RecordId, record: unknown): void {
    if (record === undefined) this.#known.delete(id.toString());
    else this.#known.set(id.toString(), { id, record, bytes: encode(record) });
  }

  /** `id` may have changed: it is read again. */
  changed(id: RecordId): void {
    this.#dirty.set(id.toString(), id);
    this.#schedule();
  }

  /** Anything may have changed (a reconnect): every matching record is read again. */
  resync(): void {
    this.#readAll = true;
    this.#schedule();
  }

  /** Starts the reads asked for so far; until then they wait (while the baseline is read). */
  release(): void {
    this.#held = false;
    this.#schedule();
  }

  stop(): void {
    this.#stopped = true;
  }

  #schedule(): void {
    if (this.#held || this.#reading || this.#stopped) return;
    this.#reading = this.#drain()
      .catch((error: unknown) => {
        this.#stopped = true;
        this.#sink.fail(error);
      })
      .finally(() => {
        this.#reading = undefined;
        if (this.#readAll || this.#dirty.size > 0) this.#schedule();
      });
  }

  async #drain(): Promise<void> {
    while (!this.#stopped && (this.#readAll || this.#dirty.size > 0)) {
      const ids = this.#readAll ? undefined : [...this.#dirty.values()];
      this.#readAll = false;
      this.#dirty.clear();
      await this.#readAndCompare(ids);
    }
  }

  /** Reads `ids` (or every matching record) and yields how each differs from what was yielded last. */
  async #readAndCompare(ids: RecordId[] | undefined): Promise<void> {
    const [rows] = await this.#client.queryAll<[Record<string, unknown>[]]>(selectMatching(this.#method, this.#table, this.#selection, ids));
    if (this.#stopped) return;
    const seen = new Set<string>();
    for (const row of rows) {
      if (!(row.id instanceof RecordId)) continue;
      const key = row.id.toString();
      seen.add(key);
      const entry: Known = { id: row.id, record: row, bytes: encode(row) };
      const before = this.#known.get(key);
      if (before && sameBytes(before.bytes, entry.bytes)) continue;
      this.#known.set(key, entry);
      this.#sink.emit({ action: before ? 'UPDATE' : 'CREATE', id: entry.id, record: entry.record });
    }
    const scope = ids === undefined ? [...this.#known.keys()] : ids.map((id) => id.toString());
    for (const key of scope) {
      const before = this.#known.get(key);
      if (before === undefined || seen.has(key)) continue;
      this.#known.delete(key);
      this.#sink.emit({ action: 'DELETE', id: before.id, record: before.record });
    }
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
