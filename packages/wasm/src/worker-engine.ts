/**
 * @module `WorkerEngine`: the SurrealDB engine of `@surrealdb/wasm`, running in a Web Worker
 * (its `@surrealdb/wasm/worker` agent), as @sdb/protocol's `RpcEngine`. It speaks that agent's
 * message contract: `connect` / `execute` / `importSql` / `exportSql` / `close` requests, each
 * answered by a `response` or an `error` carrying the request's id, and `notification`
 * messages with CBOR live notifications. The engine runs off the page's main thread.
 */
import { ConnectionClosedError, ConnectionError, encode } from '@sdb/protocol';
import type { EngineRequest, RpcEngine } from '@sdb/protocol/transport';

/** The engine settings `@surrealdb/wasm` takes on connect (capabilities, timeouts). */
export interface WasmEngineOptions {
  query_timeout?: number;
  transaction_timeout?: number;
  capabilities?: boolean | Record<string, unknown>;
}

type AgentRequestType = 'connect' | 'execute' | 'importSql' | 'exportSql' | 'close';
type AgentMessage =
  | { type: 'ready' }
  | { type: 'response'; id: string; data: unknown }
  | { type: 'error'; id: string; error: unknown }
  | { type: 'notification'; data: Uint8Array };

interface Waiting {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class WorkerEngine implements RpcEngine {
  readonly #worker: Worker;
  readonly #waiting = new Map<string, Waiting>();
  readonly #listeners = new Set<(notification: Uint8Array) => void>();
  readonly #ready: Promise<void>;
  /** Rejects once the worker has failed, so waiting for its `ready` cannot hang. */
  readonly #broken: Promise<never>;
  #breakWith!: (error: Error) => void;
  #nextId = 0;
  #failure: Error | undefined;
  #closed = false;

  private constructor(worker: Worker) {
    this.#worker = worker;
    let markReady!: () => void;
    this.#ready = new Promise<void>((resolve) => (markReady = resolve));
    this.#broken = new Promise<never>((_, reject) => (this.#breakWith = reject));
    this.#broken.catch(() => undefined);
    worker.addEventListener('message', (event: MessageEvent<AgentMessage>) => {
      const message = event.data;
      if (message.type === 'ready') markReady();
      else if (message.type === 'notification') this.#notify(message.data);
      else this.#settle(message);
    });
    // A worker script that fails to load or throws at the top level never answers: fail every call.
    worker.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      this.#fail(new ConnectionError(`The SurrealDB WebAssembly worker failed: ${event.message || 'its script did not load'}`));
    });
  }

  /** Starts the engine in `worker` (a fresh `@surrealdb/wasm/worker` agent) on `url`: `mem://` or `indxdb://name`. */
  static async open(worker: Worker, url: string, options: WasmEngineOptions = {}): Promise<WorkerEngine> {
    const engine = new WorkerEngine(worker);
    try {
      await engine.#send('connect', { url, options });
    } catch (error) {
      worker.terminate();
      throw error instanceof ConnectionError ? error : new ConnectionError(`Could not open the SurrealDB WebAssembly engine on ${url}: ${messageOf(error)}`);
    }
    return engine;
  }

  async execute(request: EngineRequest): Promise<Uint8Array> {
    const payload = encode(request);
    return (await this.#send('execute', { payload }, [payload.buffer as ArrayBuffer])) as Uint8Array;
  }

  onNotification(listener: (notification: Uint8Array) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Runs a SurrealQL script in the engine's default session (as `surreal import` does). */
  async import(sql: string): Promise<void> {
    await this.#send('importSql', { data: sql });
  }

  /** Exports the default session's namespace and database as SurrealQL. */
  async export(options: Record<string, unknown> = {}): Promise<string> {
    const encoded = encode(options);
    return (await this.#send('exportSql', { options: encoded }, [encoded.buffer as ArrayBuffer])) as string;
  }

  /** Frees the engine and ends the worker. Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    try {
      await this.#send('close', undefined);
    } catch {
      // A worker that already failed has nothing left to free.
    }
    this.#closed = true;
    this.#worker.terminate();
    this.#fail(new ConnectionClosedError('The SurrealDB WebAssembly engine is closed'));
  }

  async #send(type: AgentRequestType, data: unknown, transfer: Transferable[] = []): Promise<unknown> {
    if (this.#closed) throw new ConnectionClosedError('The SurrealDB WebAssembly engine is closed');
    if (this.#failure) throw this.#failure;
    await Promise.race([this.#ready, this.#broken]);
    const id = String(++this.#nextId);
    return new Promise<unknown>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ id, type, data }, transfer);
    });
  }

  #settle(message: Extract<AgentMessage, { id: string }>): void {
    const waiting = this.#waiting.get(message.id);
    if (waiting === undefined) return;
    this.#waiting.delete(message.id);
    if (message.type === 'response') waiting.resolve(message.data);
    else waiting.reject(message.error instanceof Error ? message.error : new Error(messageOf(message.error)));
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    this.#breakWith(this.#failure);
    for (const waiting of this.#waiting.values()) waiting.reject(error);
    this.#waiting.clear();
  }

  #notify(bytes: Uint8Array): void {
    for (const listener of this.#listeners) {
      try {
        listener(bytes);
      } catch {
        // One broken listener must not stop notifications for the others.
      }
    }
  }
}
