/**
 * @module The errors the pool itself throws; each is an `SdbError`, and a subclass of the
 * protocol error a caller already handles (a closed connection, a timeout, an unreachable server).
 */
import { ConnectionClosedError, ConnectionError, TimeoutError } from '@sdb/protocol';
import { errorBrand } from '@sdb/protocol/transport';

/** A call or `acquire` on a closed pool, or one still waiting for a member when `close()` was called. */
export class PoolClosedError extends ConnectionClosedError {
  static override readonly [errorBrand]: string = 'PoolClosedError';
}

/** No member came free within `acquireTimeout`: every member was busy (or leased) the whole time. */
export class PoolTimeoutError extends TimeoutError {
  static override readonly [errorBrand]: string = 'PoolTimeoutError';
}

/** Where one endpoint stands, as `pool.stats()` reports it. */
export interface EndpointStats {
  /** The endpoint as given, with any user name and password removed. */
  readonly url: string;
  /** False while the endpoint is marked down (a connect or a health check failed); it is retried with backoff. */
  readonly healthy: boolean;
  /** Open members connected to it. */
  readonly members: number;
  /** Failures in a row (connects, health checks, members lost); 0 once it answers again. */
  readonly failures: number;
}

/**
 * Within `acquireTimeout` no endpoint could give a member: every one was down or refused the
 * connection. `endpoints` says where each stood; `cause` is the last connect error.
 */
export class NoHealthyEndpointError extends ConnectionError {
  static override readonly [errorBrand]: string = 'NoHealthyEndpointError';
  readonly endpoints: readonly EndpointStats[];

  constructor(message: string, endpoints: readonly EndpointStats[], options?: { cause?: unknown }) {
    super(message, options);
    this.endpoints = endpoints;
  }
}
