/**
 * @module `HttpClient`: the shared `RpcClient` over `HttpTransport` (so it satisfies the
 * `Queryable` contract), plus what only HTTP offers: `health`, `version`, `import` and `export`
 * on their own routes. Atomic work over HTTP is one query: @sdb/ql's `atomic(...)` batch.
 */
import { encode, RpcClient } from '@sdb/protocol';
import type { CallOptions } from '@sdb/protocol';
import type { HttpTransportOn } from './http-transport.ts';

/** What `export` includes; omitted keys take the server's defaults (everything). */
export interface ExportOptions {
  users?: boolean;
  accesses?: boolean;
  params?: boolean;
  functions?: boolean;
  analyzers?: boolean;
  /** `true` for every table, `false` for none, or the names of the tables to export. */
  tables?: boolean | string[];
  versions?: boolean;
  records?: boolean;
}

export class HttpClient extends RpcClient {
  declare readonly transport: HttpTransportOn;

  constructor(transport: HttpTransportOn) {
    super(transport);
  }

  /** Resolves when the server answers `GET /health` with success; rejects with a typed error otherwise. */
  async health(options?: CallOptions): Promise<void> {
    await this.transport.route('/health', { method: 'GET', accept: '*/*' }, options);
  }

  /** The server version from `GET /version`, e.g. `surrealdb-3.0.2`. */
  override async version(options?: CallOptions): Promise<string> {
    const reply = await this.transport.route('/version', { method: 'GET', accept: 'text/plain' }, options);
    return new TextDecoder().decode(reply.body).trim();
  }

  /** Runs a SurrealQL script (e.g. an `export`) in the selected namespace and database through `POST /import`. */
  async import(sql: string, options?: CallOptions): Promise<void> {
    await this.transport.route('/import', { method: 'POST', body: sql, contentType: 'text/plain; charset=utf-8', accept: 'application/json' }, options);
  }

  /** The selected namespace and database as a SurrealQL script, through `POST /export`. */
  async export(exportOptions: ExportOptions = {}, options?: CallOptions): Promise<string> {
    const reply = await this.transport.route('/export', { method: 'POST', body: encode(exportOptions), contentType: 'application/cbor', accept: 'text/plain' }, options);
    return new TextDecoder().decode(reply.body);
  }

  /** Closes the client: in-flight requests reject with `ConnectionClosedError`, and so do later calls. */
  close(): Promise<void> {
    return this.transport.close();
  }

  /** `await using db = await connect(...)` closes the client at the end of the scope. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
