/**
 * @module `HttpClient`: the shared `RpcClient` over `HttpTransport`, plus what only HTTP offers:
 * `health`, `version`, `import` and `export` on their own routes, and `transaction(fn)`, which
 * sends a batch of statements as one `BEGIN ... COMMIT` query.
 */
import { encode, RpcClient, StatementError } from '@sdb/protocol';
import type { CallOptions } from '@sdb/protocol';
import type { HttpTransport } from './http-transport.ts';
import { HttpTransaction } from './transaction.ts';

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
  declare readonly transport: HttpTransport;

  constructor(transport: HttpTransport) {
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

  /**
   * Collects statements through `fn`'s `tx`, then sends them as one `BEGIN; ...; COMMIT;` query:
   * all are applied or none. Resolves one result per statement; rejects with the failing
   * statement's `StatementError` (its `index` counts the statements `fn` added), after which
   * nothing of the batch remains. If `fn` throws, nothing is sent.
   */
  async transaction<T extends unknown[] = unknown[]>(fn: (tx: HttpTransaction) => void | Promise<void>, options?: CallOptions): Promise<T> {
    const tx = new HttpTransaction();
    await fn(tx);
    if (tx.size === 0) return [] as unknown as T;
    const { query, bindings } = tx.compile();
    const statements = await this.query(query, bindings, options);
    // The server answers BEGIN, then the statements, then COMMIT (absent when the transaction failed).
    const body = statements.slice(1);
    const failure = body.find((s) => !s.ok && !isNotExecuted(s.error)) ?? body.find((s) => !s.ok);
    if (failure && !failure.ok) {
      const { error } = failure;
      throw new StatementError(error.index - 1, { message: error.message, kind: error.kind, details: error.details });
    }
    return body.slice(0, body.length - 1).map((s) => (s.ok ? s.result : undefined)) as T;
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

/** Statements the server skipped because another statement of the transaction failed. */
function isNotExecuted(error: StatementError): boolean {
  const reason = (error.details as { kind?: unknown } | undefined)?.kind;
  return reason === 'NotExecuted' || reason === 'Cancelled';
}
