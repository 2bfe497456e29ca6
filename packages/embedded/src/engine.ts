/**
 * @module One running SurrealDB datastore in this process: opens the native engine, runs CBOR RPC
 * requests, fans live notifications out, and serialises the calls (`import`, `export`) that work
 * on the engine's shared default session.
 */
import { decode, encode } from '@sdb/protocol';
import type { EngineRequest, RpcEngine } from '@sdb/protocol/transport';
import { loadNativeBinding, type NativeEngine, type NativeEngineOptions } from './native.ts';

export type { NativeEngineOptions } from './native.ts';

/** The datastores `@surrealdb/node` can open. */
export type EngineUrl = 'mem://' | `surrealkv://${string}` | `surrealkv+versioned://${string}` | `rocksdb://${string}`;


/** Where `import`/`export` run: the engine reads the namespace and database of its default session. */
export interface EngineScope {
  namespace?: string | undefined;
  database?: string | undefined;
}

const ENGINE_URL = /^(mem:\/\/|(surrealkv|surrealkv\+versioned|rocksdb):\/\/.+)$/;

/** How long to wait for a just-freed engine to release its on-disk lock. */
const LOCK_RELEASE_MS = 2000;

/** How long `close()` waits for the notification stream to end before freeing the engine anyway. */
const NOTIFICATIONS_END_MS = 1000;

/**
 * Every `DEFINE INDEX` leaves an index builder in the engine that holds a copy of the datastore's
 * notification sender and never lets it go, so after `free()` the notification stream never ends
 * and its pending `recv()` keeps Node's event loop alive for good. `close()` therefore ends the
 * stream itself: it starts a live query in a scratch namespace (reserved for this) and kills it,
 * and the engine's KILLED notification answers the last `recv()`. Both run in one transaction
 * each, so the scratch namespace is gone again afterwards, also in a datastore on disk.
 */
const START_WAKE_LIVE_QUERY =
  'BEGIN; DEFINE NAMESPACE IF NOT EXISTS __sdb_close; USE NS __sdb_close; DEFINE DATABASE IF NOT EXISTS __sdb_close; ' +
  'USE DB __sdb_close; DEFINE TABLE IF NOT EXISTS wake; LIVE SELECT * FROM wake; COMMIT;';
const KILL_WAKE_LIVE_QUERY = 'BEGIN; USE NS __sdb_close DB __sdb_close; KILL $live; REMOVE NAMESPACE __sdb_close; COMMIT;';

/**
 * Connects to the datastore. `free()` drops an engine in the background, so reopening the same
 * SurrealKV directory right after a close can briefly hit its lock: retry for a while. A RocksDB
 * lock stays until the process exits, so that case fails at once with an explanation; so does a
 * SurrealKV lock once an index was defined (see START_WAKE_LIVE_QUERY), which fails after the wait.
 */
async function connectNative(url: string, options: NativeEngineOptions): Promise<NativeEngine> {
  const deadline = Date.now() + LOCK_RELEASE_MS;
  for (;;) {
    try {
      return await loadNativeBinding().SurrealNodeEngine.connect(url, options);
    } catch (error) {
      const message = error instanceof Error ? error.message : '';
      if (/lock hold by current process/i.test(message)) {
        throw new Error(
          `${url} is still locked by an engine this process opened before: @surrealdb/node releases a RocksDB lock only when the process exits (use surrealkv:// to reopen a datastore in the same process)`,
          { cause: error },
        );
      }
      if (!/already locked/i.test(message)) throw error;
      if (Date.now() > deadline) {
        throw new Error(
          `${url} is locked, by another process or by an engine this process opened and closed after defining an index there: @surrealdb/node's index builder keeps that datastore open until the process exits`,
          { cause: error },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

export class Engine implements RpcEngine {
  readonly #native: NativeEngine;
  readonly #listeners = new Set<(notification: Uint8Array) => void>();
  #exclusive: Promise<unknown> = Promise.resolve();
  #freed = false;
  #callsInFlight = 0;
  #idle: (() => void) | undefined;
  #shutdown: Promise<void> | undefined;
  #notificationsEnded: Promise<void> = Promise.resolve();
  #notificationsStopping = false;

  private constructor(native: NativeEngine) {
    this.#native = native;
  }

  /** Opens a datastore: `mem://`, `surrealkv://path` or `rocksdb://path`. */
  static async open(url: EngineUrl | string, options: NativeEngineOptions = {}): Promise<Engine> {
    if (!ENGINE_URL.test(url)) {
      throw new TypeError(`Unsupported embedded engine URL ${JSON.stringify(url)}: use mem://, surrealkv://path or rocksdb://path`);
    }
    const native = await connectNative(url, options);
    const engine = new Engine(native);
    await engine.#pumpNotifications();
    return engine;
  }

  get freed(): boolean {
    return this.#freed;
  }

  /** Runs one request; resolves the engine's CBOR reply (the bare result, or a `{error}` map). */
  execute(request: EngineRequest | Uint8Array): Promise<Uint8Array> {
    return this.#call(() => this.#native.execute(request instanceof Uint8Array ? request : encode(request)));
  }

  /** Subscribes to the engine's CBOR live notifications (all sessions); returns the unsubscribe function. */
  onNotification(listener: (notification: Uint8Array) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Runs a SurrealQL script (as `surreal import` does) in the given namespace and database. */
  import(sql: string, scope: EngineScope = {}): Promise<void> {
    return this.#onDefaultSession(scope, async () => {
      await this.#call(() => this.#native.import(sql));
    });
  }

  /** Exports the given namespace and database as SurrealQL; `options` are the engine's export options. */
  export(options: Record<string, unknown> = {}, scope: EngineScope = {}): Promise<string> {
    return this.#onDefaultSession(scope, () => this.#call(() => this.#native.export(encode(options))));
  }

  /**
   * Frees the datastore; the notification stream ends. Idempotent. New calls are refused at once.
   * Resolves once the engine is freed and nothing of it keeps the process alive; while a call is
   * still running in the engine (which cannot be cut short), at once: the engine is then freed as
   * soon as that call finishes, since the native free must not overtake it.
   */
  close(): Promise<void> {
    this.#freed = true;
    this.#shutdown ??= (async () => {
      if (this.#callsInFlight > 0) await new Promise<void>((resolve) => (this.#idle = resolve));
      await this.#endNotifications();
      await this.#native.free();
    })();
    return this.#callsInFlight > 0 ? Promise.resolve() : this.#shutdown;
  }

  /**
   * Every native call goes through here. @surrealdb/node panics (and aborts the process) when a
   * call reaches its connection after `free()` took it, and a call made just before `free()` can
   * still get there later, so the native free waits until no call is in flight.
   */
  async #call<T>(work: () => Promise<T>): Promise<T> {
    if (this.#freed) throw new Error('The embedded engine is closed');
    this.#callsInFlight++;
    try {
      return await work();
    } finally {
      this.#callsInFlight--;
      if (this.#callsInFlight === 0) this.#idle?.();
    }
  }

  /** Makes the engine send one last notification (see START_WAKE_LIVE_QUERY), so the pump stops. */
  async #endNotifications(): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, NOTIFICATIONS_END_MS)));
    this.#notificationsStopping = true;
    try {
      const started = decode(await this.#native.execute(encode({ method: 'query', params: [START_WAKE_LIVE_QUERY] })));
      const live = Array.isArray(started) ? (started as { type?: unknown; result?: unknown }[]).find((result) => result.type === 'live') : undefined;
      if (live !== undefined) {
        await this.#native.execute(encode({ method: 'query', params: [KILL_WAKE_LIVE_QUERY, { live: live.result }] }));
      }
      await Promise.race([this.#notificationsEnded, timeout]);
    } catch {
      // An engine that cannot run the scratch live query (e.g. live queries disabled) is freed all the same.
    } finally {
      clearTimeout(timer);
    }
  }

  /** Forwards notifications to the listeners until the stream ends or `close()` has begun. */
  async #pumpNotifications(): Promise<void> {
    const receiver = await this.#native.notifications();
    this.#notificationsEnded = (async () => {
      for (;;) {
        let bytes: Uint8Array | null;
        try {
          bytes = await receiver.recv();
        } catch {
          return;
        }
        if (bytes === null || this.#notificationsStopping) return;
        for (const listener of this.#listeners) {
          try {
            listener(bytes);
          } catch {
            // One broken listener must not stop notifications for the others.
          }
        }
      }
    })();
  }

  /** `import` and `export` read the default session's namespace/database, so they run one at a time. */
  #onDefaultSession<T>(scope: EngineScope, work: () => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      await this.execute({ method: 'use', params: [scope.namespace ?? null, scope.database ?? null] });
      return work();
    };
    const result = this.#exclusive.then(run, run);
    this.#exclusive = result.catch(() => undefined);
    return result;
  }
}
