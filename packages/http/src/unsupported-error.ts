/**
 * @module The error for RPC methods HTTP cannot offer: each request runs in a fresh server
 * session, so live queries, server sessions and interactive transactions need a socket.
 */
import { SdbError } from '@sdb/protocol';

/** The brand key @sdb/protocol's error tree uses for cross-copy `instanceof` and `name`. */
const BRAND: unique symbol = Symbol.for('sdb.errorBrand') as never;

export class NotSupportedOverHttpError extends SdbError {
  static readonly [BRAND]: string = 'NotSupportedOverHttpError';
  /** The RPC method (or call option) that was refused. */
  readonly method: string;

  constructor(method: string, hint = 'use @sdb/ws') {
    super(`\`${method}\` is not supported over HTTP (each request is stateless): ${hint}`);
    this.method = method;
  }
}
