/**
 * @module The contract every sdb transport fulfils (ws, http, embedded, pool): send one RPC call,
 * receive live notifications, close. Typed per-method APIs live in `RpcClient`, not here.
 */
import type { Uuid } from '../values/uuid.ts';
import type { LiveNotification } from './live.ts';

/** Per-call options every transport honours. */
export interface CallOptions {
  /** Milliseconds before the call rejects with a `TimeoutError` and its slot is freed. */
  timeout?: number;
  /** Aborting rejects the call with an `AbortError`-named `RequestAbortedError`. */
  signal?: AbortSignal;
  /** Server session (SurrealDB 3 `attach`) the call runs in; default is the connection's own. */
  session?: Uuid;
  /** Transaction (from `begin`) the call runs in. */
  txn?: Uuid;
}

/** What a transport can do beyond plain calls. */
export interface TransportCapabilities {
  /** Pushes live notifications (`onNotification` is meaningful). */
  readonly live: boolean;
  /** Keeps server-side state (sessions, `use`, `let`) between calls. */
  readonly stateful: boolean;
}

export interface Transport {
  readonly capabilities: TransportCapabilities;
  /**
   * Sends one RPC request and settles with its `result`, or rejects with a typed `SdbError`
   * (a `ServerError` subclass for an RPC error response). Must always settle.
   */
  call(method: string, params: readonly unknown[], options?: CallOptions): Promise<unknown>;
  /** Subscribes to live notifications; returns the unsubscribe function. */
  onNotification(listener: (notification: LiveNotification) => void): () => void;
  /** Closes the transport; every pending call rejects with a `ConnectionClosedError`. */
  close(): Promise<void>;
}
