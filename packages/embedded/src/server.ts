/**
 * @module `startServer`: one in-process SurrealDB engine behind a loopback HTTP server that
 * speaks SurrealDB's own protocol (WebSocket `/rpc`, HTTP `/rpc` and friends), so any SurrealDB
 * client, ours or the official SDK, can use it where no `surreal` binary or Docker exists.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { decode } from '@sdb/protocol';
import { byteLimitOption, invalidOption, nameOption, renamedOptions } from '@sdb/protocol/transport';
import { WebSocketServer, type WebSocket } from 'ws';
import { Engine, type EngineUrl, type NativeEngineOptions } from './engine.ts';
import { handleHttp } from './http-routes.ts';
import { HttpSessions } from './http-sessions.ts';
import { isErrorReply } from '@sdb/protocol/transport';
import { defineRootUser } from './root-user.ts';
import { SessionRegistry } from './session-registry.ts';
import { formatFor } from './wire-format.ts';
import { WsConnection } from './ws-connection.ts';

export interface ServerOptions {
  /** Interface to listen on; loopback by default. */
  host?: string;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** The datastore: `mem://` (default), `surrealkv://path` or `rocksdb://path`. */
  url?: EngineUrl;
  /** The root user to define at start, as every sdb API names credentials; with it, clients must sign in, as on a real server. */
  auth?: { username: string; password: string };
  /** Engine settings passed to `@surrealdb/node`. */
  engine?: NativeEngineOptions;
  /** Serve `wss://` and `https://` with this private key and certificate (PEM), instead of plain `ws://` and `http://`. */
  tls?: { key: string; cert: string };
  /**
   * Largest WebSocket frame and HTTP request body accepted, in bytes (default 64 MiB): a larger
   * frame closes its socket (code 1009, other clients go on), a larger body is answered 413.
   */
  maxFrameBytes?: number;
}

export interface EmbeddedServer {
  /** WebSocket RPC endpoint, e.g. `ws://127.0.0.1:8000/rpc`. */
  readonly url: string;
  /** HTTP base URL, e.g. `http://127.0.0.1:8000` (`/rpc`, `/health`, ... hang off it). */
  readonly httpUrl: string;
  readonly port: number;
  /** Closes every socket, stops listening and frees the engine. Idempotent. */
  close(): Promise<void>;
}

const SUBPROTOCOLS = ['cbor', 'json'];
const DEFAULT_MAX_FRAME_BYTES = 64 * 1024 * 1024;

export async function startServer(options: ServerOptions = {}): Promise<EmbeddedServer> {
  const { host = '127.0.0.1', port = 0, url = 'mem://', auth, tls } = resolveServerOptions(options);
  const maxFrameBytes = byteLimitOption(WHERE, 'maxFrameBytes', options.maxFrameBytes, DEFAULT_MAX_FRAME_BYTES);
  const rootUser = auth === undefined ? undefined : defineRootUser(auth.username, auth.password);

  const engine = await Engine.open(url, options.engine);
  try {
    if (rootUser) await defineUser(engine, rootUser);
    const version = await engineVersion(engine);
    const authRequired = rootUser !== undefined;
    const registry = new SessionRegistry();
    engine.onNotification((bytes) => registry.route(bytes));

    const connections = new Set<WsConnection>();
    const sockets = new WebSocketServer({
      noServer: true,
      maxPayload: maxFrameBytes,
      handleProtocols: (offered) => SUBPROTOCOLS.find((name) => offered.has(name)) ?? false,
    });
    const httpContext = { engine, version, sessions: new HttpSessions(engine, authRequired), maxBodyBytes: maxFrameBytes };
    const handler = (request: IncomingMessage, response: ServerResponse) => {
      handleHttp(request, response, httpContext).catch(() => response.destroy());
    };
    const http = tls === undefined ? createServer(handler) : createTlsServer({ key: tls.key, cert: tls.cert }, handler);
    http.on('upgrade', (request, socket, head) => {
      if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/rpc') {
        socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
        return;
      }
      sockets.handleUpgrade(request, socket, head, (ws: WebSocket) => {
        const connection = new WsConnection(ws, formatFor(ws.protocol), { engine, registry, authRequired });
        connections.add(connection);
        ws.on('close', () => connections.delete(connection));
      });
    });
    http.on('clientError', (_error, socket) => socket.destroy());

    const address = await listen(http, host, port);
    const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    let closing: Promise<void> | undefined;
    return {
      url: `${tls ? 'wss' : 'ws'}://${hostForUrl}:${address.port}/rpc`,
      httpUrl: `${tls ? 'https' : 'http'}://${hostForUrl}:${address.port}`,
      port: address.port,
      close: () => {
        closing ??= (async () => {
          for (const connection of connections) connection.close();
          await closedOrTimeout(sockets, 500);
          for (const client of sockets.clients) client.terminate();
          await new Promise<void>((resolve) => sockets.close(() => resolve()));
          await new Promise<void>((resolve) => {
            http.close(() => resolve());
            http.closeAllConnections();
          });
          await engine.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await engine.close();
    throw error;
  }
}

const WHERE = 'startServer';

/** Checks what JavaScript callers may pass wrong, with the `InvalidOptionError` every sdb transport uses. */
function resolveServerOptions(options: ServerOptions): ServerOptions {
  renamedOptions(WHERE, options, { user: 'auth: { username, password }', pass: 'auth: { username, password }' });
  nameOption(WHERE, 'host', options.host);
  if (options.port !== undefined && !(Number.isInteger(options.port) && options.port >= 0 && options.port <= 65535)) {
    throw invalidOption(WHERE, 'port', 'be a whole number from 0 to 65535');
  }
  const { auth } = options;
  if (auth !== undefined && (typeof auth !== 'object' || auth === null || typeof auth.username !== 'string' || typeof auth.password !== 'string')) {
    throw invalidOption(WHERE, 'auth', 'be { username, password } with two strings');
  }
  const { tls } = options;
  if (tls !== undefined && (typeof tls !== 'object' || tls === null || typeof tls.key !== 'string' || typeof tls.cert !== 'string')) {
    throw invalidOption(WHERE, 'tls', 'be { key, cert }, both PEM text');
  }
  return options;
}

function listen(http: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, host, () => {
      http.off('error', reject);
      resolve(http.address() as AddressInfo);
    });
  });
}

/** Runs the `DEFINE USER` statement; its text holds the password, so no engine message is repeated. */
async function defineUser(engine: Engine, statement: string): Promise<void> {
  const reply = await engine.execute({ method: 'query', params: [statement] });
  const results = isErrorReply(reply) ? undefined : (decode(reply) as { status?: string }[]);
  if (!Array.isArray(results) || results.some((result) => result.status !== 'OK')) {
    throw new Error('Could not define the root user: the engine refused the DEFINE USER statement');
  }
}

/** Waits until every client socket has closed, or `ms` elapsed. */
async function closedOrTimeout(sockets: WebSocketServer, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (sockets.clients.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}

async function engineVersion(engine: Engine): Promise<string> {
  const version = decode(await engine.execute({ method: 'version' }));
  return typeof version === 'string' ? version : 'surrealdb-3.0.2';
}
