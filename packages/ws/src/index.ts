/**
 * @module @sdb/ws: SurrealDB 3 over one WebSocket: multiplexed CBOR RPC with every method typed,
 * server sessions, transactions, liveness pings, reconnect with state restore, live subscriptions.
 */
export { connect } from './connect.ts';
export { WsClient } from './client.ts';
export { WsSession, type SessionOptions } from './session.ts';
export { WsScope, type LiveOptions } from './scope.ts';
export { WsTransaction } from './transaction.ts';
export { LiveSubscription, type LiveMessage, type LiveResumed, type LiveSource } from './live.ts';
export { WsTransport, type ConnectionStatus } from './transport.ts';
export type { ConnectOptions, PingOptions, ReconnectOptions } from './options.ts';
// Shared with @sdb/http, defined in @sdb/protocol; named here too so `@sdb/ws` alone types a connect call.
export type { Auth, AuthValue, Queryable, RequestDiagnostic, TransactionOptions } from '@sdb/protocol';
export { isTransactionConflict, retryOnConflict } from '@sdb/protocol';
export type { ClientEvents, EventName, Listener } from './events.ts';
export type { WebSocketConstructor } from './socket.ts';
export { backoffDelay } from './reconnect.ts';
