/**
 * @module The errors only HTTP has: a method HTTP cannot offer (each request runs in a fresh
 * server session, so live queries, server sessions and interactive transactions need a socket),
 * and an HTTP answer that is neither a result nor an RPC error (a 404 route, a proxy's 502).
 */
import { ProtocolError, SdbError } from '@sdb/protocol';
import { errorBrand } from '@sdb/protocol/transport';

export class NotSupportedOverHttpError extends SdbError {
  static override readonly [errorBrand]: string = 'NotSupportedOverHttpError';
  /** The RPC method (or call option) that was refused. */
  readonly method: string;

  constructor(method: string, hint = 'use @sdb/ws') {
    super(`\`${method}\` is not supported over HTTP (each request is stateless): ${hint}`);
    this.method = method;
  }
}

/** A non-2xx HTTP answer with no RPC error in it; a `ProtocolError`. */
export class HttpStatusError extends ProtocolError {
  static override readonly [errorBrand]: string = 'HttpStatusError';
  /** The HTTP status, e.g. 404 or 502. */
  readonly status: number;

  constructor(message: string, status: number) {
    super(message);
    this.status = status;
  }
}
