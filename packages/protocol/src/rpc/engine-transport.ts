/**
 * @module `EngineTransport`: an sdb `Transport` over a SurrealDB engine that runs beside the
 * caller rather than across a network — @sdb/embedded's native engine in this process, @sdb/wasm's
 * WebAssembly engine in a Web Worker. Such an engine takes one CBOR request and answers the bare
 * result or an `{error}` map, and pushes CBOR live notifications; this class adds what every
 * transport owes its callers: ids, timeouts, aborts, typed errors, and settling every call on close.
 */
import { CborError } from '../cbor/cbor-error.ts';
import { decode } from '../cbor/decoder.ts';
import { ConnectionClosedError, RequestAbortedError, TimeoutError } from './client-errors.ts';
import type { LiveNotification } from './live.ts';
import { timeoutOption } from './options.ts';
import { ServerError, type RpcErrorPayload } from './server-errors.ts';
import type { CallOptions, Transport, TransportCapabilities } from './transport.ts';

/** A request as an engine takes it; `session` and `txn` are Uuids. */
export interface EngineRequest {
  id?: unknown;
  method: string;
  params?: readonly unknown[];
  session?: unknown;
  txn?: unknown;
  version?: unknown;
}

/** What `EngineTransport` needs from an engine. */
export interface RpcEngine {
  /** Runs one request; resolves the engine's CBOR reply (the bare result, or a `{error}` map). */
  execute(request: EngineRequest): Promise<Uint8Array>;
  /** Subscribes to the engine's CBOR live notifications; returns the unsubscribe function. */
  onNotification(listener: (notification: Uint8Array) => void): () => void;
  /** Frees the engine. */
  close(): Promise<void>;
}

// CBOR: map(1), text "error".
const MAP1 = 0xa1;
const KEY_ERROR = Uint8Array.of(0x65, 0x65, 0x72, 0x72, 0x6f, 0x72);

/** True when an engine's reply is its `{error: {...}}` map rather than a result. */
export function isErrorReply(reply: Uint8Array): boolean {
  if (reply[0] !== MAP1 || reply.length < 1 + KEY_ERROR.length) return false;
  return KEY_ERROR.every((byte, index) => reply[index + 1] === byte);
}

const CAPABILITIES: TransportCapabilities = Object.freeze({ live: true, stateful: true });

export class EngineTransport implements Transport {
  readonly capabilities = CAPABILITIES;
  readonly #engine: RpcEngine;
  readonly #timeout: number;
  readonly #name: string;
  readonly #listeners = new Set<(notification: LiveNotification) => void>();
  /** Rejecters of calls in flight, so `close()` can settle every one of them. */
  readonly #pending = new Set<(error: Error) => void>();
  #nextId = 0;
  #closed = false;

  /** `name` says which transport in errors ("The embedded transport is closed"); `timeout` is the default per call, in ms. */
  constructor(engine: RpcEngine, timeout: number, name: string) {
    this.#engine = engine;
    this.#timeout = timeout;
    this.#name = name;
    engine.onNotification((bytes) => this.#notify(bytes));
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** The error a call on a closed transport rejects with. */
  closedError(): ConnectionClosedError {
    return new ConnectionClosedError(`The ${this.#name} transport is closed`);
  }

  call(method: string, params: readonly unknown[], options: CallOptions = {}): Promise<unknown> {
    if (this.#closed) return Promise.reject(this.closedError());
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
        (error: unknown) => settle(this.#closed ? this.closedError() : engineFailure(error)),
      );
    });
  }

  onNotification(listener: (notification: LiveNotification) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const error = this.closedError();
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
 * An engine rejects requests it cannot even parse with a plain Error; give it the RPC shape.
 * A value the encoder refused never reached the engine: its CborError (naming the value) stays as it is.
 */
function engineFailure(error: unknown): Error {
  if (error instanceof CborError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return ServerError.from({ code: -32600, message, kind: 'Validation' });
}
