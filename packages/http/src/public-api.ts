/**
 * @module What both entries (src/index.ts, src/node.ts) export alike; each adds its own
 * `HttpTransport` and `connect`, which differ only in how requests leave the process.
 */
export type { ConnectOptions } from './connect.ts';
export { HttpClient, type ExportOptions } from './http-client.ts';
export type { HttpTransportOn, HttpTransportOptions, RouteRequest } from './http-transport.ts';
export { HttpStatusError, NotSupportedOverHttpError } from './errors.ts';
export type { HttpReply } from './request.ts';
// Shared with @sdb/ws, defined in @sdb/protocol; named here too so `@sdb/http` alone types a connect call.
export type { Auth, AuthValue, RequestDiagnostic } from '@sdb/protocol';
