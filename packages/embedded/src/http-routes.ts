/**
 * @module The server's HTTP routes: `POST /rpc` (in an engine session set up from the
 * `Surreal-NS`/`Surreal-DB` and `Authorization` headers, see http-sessions.ts), `POST /sql`, `POST /import`,
 * `GET|POST /export`, and `GET /health`, `/version`, `/status`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decode, encode, Uuid } from '@sdb/protocol';
import { guestMayCall } from './auth-policy.ts';
import type { EngineRequest } from '@sdb/protocol/transport';
import type { Engine, EngineScope } from './engine.ts';
import { header, HttpFailure, type HttpSessions } from './http-sessions.ts';
import { isErrorReply } from '@sdb/protocol/transport';
import { internalError, invalidRequest, notAllowed, parseError, unavailableOverHttp, type RpcErrorPayload } from './rpc-errors.ts';
import { cborFormat, formatFor, jsonFormat, toJson, type Frame } from './wire-format.ts';

export interface HttpContext {
  engine: Engine;
  /** What `GET /version` answers, e.g. `surrealdb-3.0.2`. */
  version: string;
  /** The sessions requests run in (kept per namespace, database and token where that is safe). */
  sessions: HttpSessions;
  /** Request bodies larger than this are refused (413) rather than buffered (`maxFrameBytes`). */
  maxBodyBytes: number;
}

/** Stateless HTTP cannot keep sessions or push notifications. */
const WEBSOCKET_ONLY: ReadonlySet<string> = new Set(['attach', 'detach', 'sessions', 'live']);

export async function handleHttp(request: IncomingMessage, response: ServerResponse, context: HttpContext): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '') || '/';
  const method = request.method ?? 'GET';
  allowCrossOrigin(request, response);
  try {
    if (method === 'OPTIONS') return send(response, 204, 'text/plain', '');
    switch (`${method} ${path}`) {
      case 'GET /health':
      case 'GET /status':
        return send(response, 200, 'text/plain', '');
      case 'GET /version':
        return send(response, 200, 'text/plain', context.version);
      case 'POST /rpc':
        return await rpcRoute(request, response, context);
      case 'POST /sql':
        return await sqlRoute(request, response, context);
      case 'POST /import':
        return await importRoute(request, response, context);
      case 'GET /export':
      case 'POST /export':
        return await exportRoute(request, response, context);
      default:
        return send(response, ['/health', '/status', '/version', '/rpc', '/sql', '/import', '/export'].includes(path) ? 405 : 404, 'text/plain', '');
    }
  } catch (error) {
    const failure = error instanceof HttpFailure ? error : new HttpFailure(500, internalError(error instanceof Error ? error.message : String(error)));
    if (path === '/rpc') {
      const format = formatFor(request.headers['content-type']);
      return send(response, failure.status, format.contentType, format.error(undefined, failure.error));
    }
    return send(response, failure.status, 'text/plain', failure.error.message);
  }
}

async function rpcRoute(request: IncomingMessage, response: ServerResponse, context: HttpContext): Promise<void> {
  const format = formatFor(request.headers['content-type']);
  let message: unknown;
  try {
    message = format.decode(await readBody(request, context.maxBodyBytes));
  } catch (error) {
    if (error instanceof HttpFailure) throw error;
    return send(response, 400, format.contentType, format.error(undefined, parseError(error instanceof Error ? error.message : 'malformed body')));
  }
  const isMap = typeof message === 'object' && message !== null && !Array.isArray(message);
  const { id, method, params, txn, version } = (isMap ? message : {}) as Record<string, unknown>;
  const fail = (status: number, error: RpcErrorPayload) => send(response, status, format.contentType, format.error(id, error));
  if (typeof method !== 'string' || method === '') return fail(400, invalidRequest('method must be a non-empty string'));
  if (params !== undefined && params !== null && !Array.isArray(params)) return fail(400, invalidRequest('params must be an array'));
  if (WEBSOCKET_ONLY.has(method)) return fail(400, unavailableOverHttp(method));

  let reply: Uint8Array;
  try {
    reply = await context.sessions.run(request, method, async (session, authenticated) => {
      if (!authenticated && !guestMayCall(method)) throw new HttpFailure(401, notAllowed(method));
      const engineRequest: EngineRequest = { id, method, params: (params as unknown[] | undefined) ?? [], session };
      if (txn !== undefined) engineRequest.txn = txn;
      if (version !== undefined) engineRequest.version = version;
      return context.engine.execute(engineRequest);
    });
  } catch (error) {
    if (error instanceof HttpFailure) return fail(error.status, error.error);
    throw error;
  }
  send(response, 200, format.contentType, format.reply(id, reply));
}

async function sqlRoute(request: IncomingMessage, response: ServerResponse, context: HttpContext): Promise<void> {
  const sql = new TextDecoder().decode(await readBody(request, context.maxBodyBytes));
  const reply = await context.sessions.run(request, 'query', async (session, authenticated) => {
    if (!authenticated) throw new HttpFailure(401, notAllowed('query'));
    return context.engine.execute({ method: 'query', params: [sql], session });
  });
  const format = request.headers.accept?.includes(cborFormat.contentType) ? cborFormat : jsonFormat;
  const value = decode(reply) as { error?: RpcErrorPayload };
  if (isErrorReply(reply)) return send(response, 400, format.contentType, format.error(undefined, value.error as RpcErrorPayload));
  send(response, 200, format.contentType, format.name === 'json' ? toJson(value) : encode(value));
}

async function importRoute(request: IncomingMessage, response: ServerResponse, context: HttpContext): Promise<void> {
  const sql = new TextDecoder().decode(await readBody(request, context.maxBodyBytes));
  await requireCredentials(context, request);
  try {
    await context.engine.import(sql, scopeOf(request));
  } catch (error) {
    throw new HttpFailure(400, invalidRequest(error instanceof Error ? error.message : String(error)));
  }
  send(response, 200, 'text/plain', '');
}

async function exportRoute(request: IncomingMessage, response: ServerResponse, context: HttpContext): Promise<void> {
  const body = request.method === 'POST' ? await readBody(request, context.maxBodyBytes) : new Uint8Array();
  await requireCredentials(context, request);
  let options: Record<string, unknown> = {};
  if (body.length > 0) {
    try {
      options = formatFor(request.headers['content-type']).decode(body) as Record<string, unknown>;
    } catch (error) {
      throw new HttpFailure(400, parseError(error instanceof Error ? error.message : 'malformed export options'));
    }
  }
  try {
    send(response, 200, 'text/plain; charset=utf-8', await context.engine.export(options, scopeOf(request)));
  } catch (error) {
    throw new HttpFailure(400, invalidRequest(error instanceof Error ? error.message : String(error)));
  }
}

/** `import`/`export` run on the engine's default session, so credentials are checked on a throwaway one first. */
async function requireCredentials(context: HttpContext, request: IncomingMessage): Promise<void> {
  await context.sessions.run(request, undefined, async (_session, authenticated) => {
    if (!authenticated) throw new HttpFailure(401, notAllowed(request.url ?? 'this route'));
  });
}

function scopeOf(request: IncomingMessage): EngineScope {
  return { namespace: header(request, 'surreal-ns'), database: header(request, 'surreal-db') };
}

/**
 * Lets pages of any origin call the server (as a default `surreal start` does), so browser tests
 * can use it: CORS headers on every response, and preflight requests answered with 204.
 */
function allowCrossOrigin(request: IncomingMessage, response: ServerResponse): void {
  response.setHeader('access-control-allow-origin', header(request, 'origin') ?? '*');
  response.setHeader('vary', 'origin');
  response.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  response.setHeader('access-control-allow-headers', header(request, 'access-control-request-headers') ?? '*');
  response.setHeader('access-control-allow-credentials', 'true');
  response.setHeader('access-control-max-age', '86400');
}

function readBody(request: IncomingMessage, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      // Answer 413 at once; the rest of the body is read and dropped, so the client sees the answer, not a reset.
      chunks.length = 0;
      reject(new HttpFailure(413, invalidRequest(`body larger than ${limit} bytes`)));
    });
    request.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    request.on('error', reject);
    request.on('close', () => reject(new Error('request closed before its body was read')));
  });
}

function send(response: ServerResponse, status: number, contentType: string, body: Frame): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}
