/**
 * @module `createEmbeddedTransport`: an sdb `Transport` over an in-process SurrealDB engine, so
 * `RpcClient` and every layer above it run against the real engine with no network at all.
 */
import {
  CborError,
  ConnectionClosedError,
  decode,
  RequestAbortedError,
  ServerError,
  TimeoutError,
  type CallOptions,
  type LiveNotification,
  type RpcErrorPayload,
  type Transport,
  type TransportCapabilities,
} from '@sdb/protocol';
import { DEFAULT_TIMEOUT, timeoutOption } from '@sdb/protocol/transport';
import { EmbeddedClient } from './client.ts';
import { Engine, type EngineRequest, type EngineScope, type EngineUrl, type NativeEngineOptions } from './engine.ts';
import { isErrorReply } from './reply-frames.ts';

export interface EmbeddedTransportOptions {
  /** Default per-call timeout in ms (30 000, as over ws and http; `Infinity` for none, `0` is refused); each call may pass its own. */
  timeout?: number;
  /** Engine settings passed to `@surrealdb/node` (strictness, capabilities, timeouts). */
  engine?: NativeEngineOptions;
}

/** A `Transport` that also exposes the engine's SurrealQL import and export. */
export interface EmbeddedTransport extends Transport {
  /** Runs a SurrealQL script in the given namespace and database. */
  import(sql: string, scope?: EngineScope): Promise<void>;
  /** Exports the given namespace and database as SurrealQL. */
  export(options?: Record<string, unknown>, scope?: EngineScope): Promise<string>;
}

const CAPABILITIES: TransportCapabilities = Object.freeze({ live: true, stateful: true });
const WHERE = 'createEmbeddedTransport';

/** Opens `mem://`, `surrealkv://path` or `rocksdb://path` in this process as a `Transport`. */
export async function createEmbeddedTransport(
  url: EngineUrl = 'mem://',
  options: EmbeddedTransportOptions = {},
): Promise<EmbeddedTransport> {
  const timeout = timeoutOption(WHERE, 'timeout', options.timeout, DEFAULT_TIMEOUT);
  const engine = await Engine.open(url, options.engine);
  return new InProcessTransport(engine, timeout);
}

/** Opens an in-process engine and returns a client over it (every RPC method, `transaction(fn)`, `close`). */
export async function connectEmbedded(url: EngineUrl = 'mem://', options: EmbeddedTransportOptions = {}): Promise<EmbeddedClient> {
  return new EmbeddedClient(await createEmbeddedTransport(url, options));
}

class InProcessTransport implements EmbeddedTransport {
  readonly capabilities = CAPABILITIES;
  readonly #engine: Engine;
  readonly #timeout: number;
  readonly #listeners = new Set<(notification: LiveNotification) => void>();
  /** Rejecters of calls in flight, so `close()` can settle every one of them. */
  readonly #pending = new Set<(error: Error) => void>();
  #nextId = 0;
  #closed = false;

  constructor(engine: Engine, timeout: number) {
    this.#engine = engine;
    this.#timeout = timeout;
    engine.onNotification((bytes) => this.#notify(bytes));
  }

  call(method: string, params: readonly unknown[], options: CallOptions = {}): Promise<unknown> {
    if (this.#closed) return Promise.reject(new ConnectionClosedError('The embedded transport is closed'));
    if (options.signal?.aborted) return Promise.reject(new RequestAbortedError(`${method} was aborted`));
    let timeout: number;
    try {
      timeout = timeoutOption(method, 'timeout', options.timeout, this.#timeout);
    } catch (error) {
      return Promise.reject(error);
    }
    const request: EngineRequest = { id: ++this.#nextId, method, params };
    if (options.session !== undefined) request.session = options.session;
    if (options.txn !== undefined) request.txn = options.txn;

    return new Promise<unknown>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onAbort = () => settle(new RequestAbortedError(`${method} was aborted`));
      const settle = (error: Error | undefined, value?: unknown) => {
        if (!this.#pending.delete(fail)) return;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve(value);
      };
      const fail = (error: Error) => settle(error);
      this.#pending.add(fail);
      if (Number.isFinite(timeout)) timer = setTimeout(() => settle(new TimeoutError(`${method} timed out after ${timeout} ms`)), timeout);
      options.signal?.addEventListener('abort', onAbort, { once: true });

      this.#engine.execute(request).then(
        (reply) => {
          try {
            const decoded = decode(reply);
            if (isErrorReply(reply)) settle(ServerError.from((decoded as { error: RpcErrorPayload }).error));
            else settle(undefined, decoded);
          } catch (error) {
            settle(error as Error);
          }
        },
        (error: unknown) => settle(this.#closed ? new ConnectionClosedError('The embedded transport is closed') : engineFailure(error)),
      );
    });
  }

  onNotification(listener: (notification: LiveNotification) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  import(sql: string, scope?: EngineScope): Promise<void> {
    return this.#closed ? Promise.reject(new ConnectionClosedError('The embedded transport is closed')) : this.#engine.import(sql, scope);
  }

  export(options?: Record<string, unknown>, scope?: EngineScope): Promise<string> {
    return this.#closed ? Promise.reject(new ConnectionClosedError('The embedded transport is closed')) : this.#engine.export(options, scope);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const error = new ConnectionClosedError('The embedded transport is closed');
    for (const fail of [...this.#pending]) fail(error);
    this.#listeners.clear();
    await this.#engine.close();
  }

  #notify(bytes: Uint8Array): void {
    let notification: LiveNotification;
    try {
      notification = decode(bytes) as LiveNotification;
    } catch {
      return;
    }
    for (const listener of this.#listeners) {
      try {
        listener(notification);
      } catch {
        // A throwing listener must not keep the notification from the others.
      }
    }
  }
}

/**
 * The native engine rejects requests it cannot even parse with a plain Error; give it the RPC shape.
 * A value the encoder refused never reached the engine: its CborError (naming the value) stays as it is.
 */
function engineFailure(error: unknown): Error {
  if (error instanceof CborError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return ServerError.from({ code: -32600, message, kind: 'Validation' });
}
