/**
 * @module @sdb/http: SurrealDB 3 over stateless HTTP (`POST /rpc`, CBOR), with the same client
 * API as @sdb/ws minus what needs a socket (live queries, server sessions, interactive
 * transactions), plus `health`, `version`, `import` and `export`. Atomic batches come from
 * @sdb/ql's `atomic(...)`, sent as one query.
 *
 * This is the entry of browsers, edge runtimes, Deno and Bun: requests go through `fetch`.
 * Node resolves src/node.ts instead (the `node` export condition).
 */
import { connectOver } from './connect.ts';
import { HttpTransportOn, type HttpTransportOptions } from './http-transport.ts';
import { openFetchPath } from './request-fetch.ts';

export * from './public-api.ts';

/** The HTTP `Transport`; its requests go through the platform's `fetch`. */
export class HttpTransport extends HttpTransportOn {
  constructor(url: string | URL, options: HttpTransportOptions = {}) {
    super(url, options, openFetchPath);
  }
}

/** An `HttpClient` for the SurrealDB server at `url` (`http(s)://host:port`, `/rpc` optional). */
export const connect = connectOver((url, options) => new HttpTransport(url, options));
