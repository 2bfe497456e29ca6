/**
 * @module @sdb/http on Node (the `node` export condition): the same API as src/index.ts, with
 * requests through undici's request API over a keep-alive pool, which costs a quarter of the
 * client CPU of Node's global `fetch` per call (DESIGN.md, `pnpm bench`).
 */
import { connectOver } from './connect.ts';
import { HttpTransportOn, type HttpTransportOptions } from './http-transport.ts';
import { openUndiciPath } from './request-undici.ts';

export * from './public-api.ts';

/** The HTTP `Transport`; its requests go through undici's `request` over a keep-alive `Agent`. */
export class HttpTransport extends HttpTransportOn {
  constructor(url: string | URL, options: HttpTransportOptions = {}) {
    super(url, options, openUndiciPath);
  }
}

/** An `HttpClient` for the SurrealDB server at `url` (`http(s)://host:port`, `/rpc` optional). */
export const connect = connectOver((url, options) => new HttpTransport(url, options));
