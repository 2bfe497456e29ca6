/**
 * @module @sdb/embedded: the real SurrealDB 3 engine in-process, as an sdb `Transport` and as a
 * loopback SurrealDB server (WebSocket and HTTP) for tests and local work.
 */
export { createEmbeddedTransport, connectEmbedded, type EmbeddedTransport, type EmbeddedTransportOptions } from './transport.ts';
export { EmbeddedClient } from './client.ts';
export { startServer, type EmbeddedServer, type ServerOptions } from './server.ts';
export type { EngineScope, EngineUrl, NativeEngineOptions } from './engine.ts';
