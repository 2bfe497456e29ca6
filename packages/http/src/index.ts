/**
 * @module @sdb/http: SurrealDB 3 over stateless HTTP (`POST /rpc`, CBOR), with the same client
 * API as @sdb/ws minus what needs a socket (live queries, server sessions, interactive
 * transactions), plus `health`, `version`, `import` and `export`. Atomic batches come from
 * @sdb/ql's `atomic(...)`, sent as one query.
 */
export { connect, type ConnectOptions } from './connect.ts';
export { HttpClient, type ExportOptions } from './http-client.ts';
export { HttpTransport, type HttpTransportOptions, type RouteRequest } from './http-transport.ts';
export { HttpStatusError, NotSupportedOverHttpError } from './errors.ts';
export type { HttpReply } from './request.ts';
// Shared with @sdb/ws, defined in @sdb/protocol; named here too so `@sdb/http` alone types a connect call.
export type { Auth, AuthValue, RequestDiagnostic } from '@sdb/protocol';
