/**
 * @module One running SurrealDB datastore in this process: opens the native engine, runs CBOR RPC
 * requests, fans live notifications out, and serialises the calls (`import`, `export`) that work
 * on the engine's shared default session.
 */
import { encode } from '@sdb/protocol';
import { loadNativeBinding, type NativeEngine, type NativeEngineOptions } from './native.ts';

export type { NativeEngineOptions } from './native.ts';

/** The datastores `@surrealdb/node` can open. */
export type EngineUrl = 'mem://' | `surrealkv://${string}` | `surrealkv+versioned://${string}` | `rocksdb://${string}`;

/** A request as the engine takes it; `session` and `txn` are Uuids. */
export interface EngineRequest {
  id?: unknown;
  method: string;
  params?: readonly unknown[];
  session?: unknown;
  txn?: unknown;
  version?: unknown;
}

/** Where `import`/`export` run: the engine reads the namespace and database of its default session. */
export interface EngineScope {
  namespace?: string | undefined;
  database?: string | undefined;
}

const ENGINE_URL = /^(mem:\/\/|(surrealkv|surrealkv\+versioned|rocksdb):\/\/.+)$/;

/** How long to wait for a just-freed engine to release its on-disk lock. */
const LOCK_RELEASE_MS = 2000;

/**
 * Connects to the datastore. `free()` drops an engine in the background, so reopening the same
 * SurrealKV directory right after a close can briefly hit its lock: retry for a while. A RocksDB
 * lock stays until the process exits, so that case fails at once with an explanation.
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
      if (!/already locked/i.test(message) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

export class Engine {
  readonly #native: NativeEngine;
  readonly #listeners = new Set<(notification: Uint8Array) => void>();
  #exclusive: Promise<unknown> = Promise.resolve();
  #freed = false;
  #callsInFlight = 0;

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
   * Frees the datastore; the notification stream ends. Idempotent. New calls are refused at once;
   * calls already running finish first, as the native free would wait for them anyway.
   */
  close(): void {
    if (this.#freed) return;
    this.#freed = true;
    this.#freeWhenIdle();
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
      this.#freeWhenIdle();
    }
  }

  #freeWhenIdle(): void {
    if (this.#freed && this.#callsInFlight === 0) this.#native.free();
  }

  async #pumpNotifications(): Promise<void> {
    const receiver = await this.#native.notifications();
    void (async () => {
      for (;;) {
        let bytes: Uint8Array | null;
        try {
          bytes = await receiver.recv();
        } catch {
          return;
        }
        if (bytes === null) return;
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
