/**
 * @module One WebSocket client of the embedded server: its own engine session (attached on
 * connect, detached on close), the sessions it names itself (`attach`/`detach` with a `session`
 * id, mapped to fresh engine sessions so no socket can reach another's), requests multiplexed by
 * id, and live notifications for its sessions.
 */
import { decode, Uuid } from '@sdb/protocol';
import type { WebSocket } from 'ws';
import { authenticatedAfter, guestMayCall } from './auth-policy.ts';
import type { EngineRequest } from '@sdb/protocol/transport';
import type { Engine } from './engine.ts';
import { isErrorReply } from '@sdb/protocol/transport';
import {
  internalError,
  invalidRequest,
  notAllowed,
  parseError,
  sessionExists,
  sessionNotFound,
  type RpcErrorPayload,
} from './rpc-errors.ts';
import { EngineSession, type NotificationSink, type SessionRegistry } from './session-registry.ts';
import type { Frame, WireFormat } from './wire-format.ts';

export interface ConnectionContext {
  engine: Engine;
  registry: SessionRegistry;
  /** Sessions start unauthenticated and may only sign in (see auth-policy.ts). */
  authRequired: boolean;
}

interface RpcRequest {
  id?: unknown;
  method: string;
  params: readonly unknown[];
  session?: unknown;
  txn?: unknown;
  version?: unknown;
}

/** Thrown inside request handling to answer with an RPC error instead of an engine reply. */
class RpcFailure extends Error {
  readonly error: RpcErrorPayload;
  constructor(error: RpcErrorPayload) {
    super(error.message);
    this.error = error;
  }
}

export class WsConnection implements NotificationSink {
  readonly #socket: WebSocket;
  readonly #format: WireFormat;
  readonly #context: ConnectionContext;
  readonly #own: EngineSession;
  /** Client-named sessions, keyed by the client's session id. */
  readonly #named = new Map<string, EngineSession>();
  readonly #ready: Promise<void>;
  #open = true;

  constructor(socket: WebSocket, format: WireFormat, context: ConnectionContext) {
    this.#socket = socket;
    this.#format = format;
    this.#context = context;
    this.#own = new EngineSession(this, undefined, !context.authRequired);
    this.#ready = this.#attach(this.#own);
    // A failed attach is answered on every request; keep it from being an unhandled rejection.
    this.#ready.catch(() => undefined);
    socket.on('message', (data) => {
      void this.#handle(toBytes(data));
    });
    socket.on('close', () => void this.#release());
    socket.on('error', () => socket.terminate());
  }

  get open(): boolean {
    return this.#open;
  }

  sendNotification(notification: Record<string, unknown>): void {
    this.#send(this.#format.notification(notification));
  }

  /** Closes the socket (server shutdown); sessions are released by the close event. */
  close(code = 1001, reason = 'server closing'): void {
    this.#socket.close(code, reason);
  }

  async #handle(frame: Uint8Array): Promise<void> {
    let message: unknown;
    try {
      message = this.#format.decode(frame);
    } catch (error) {
      this.#send(this.#format.error(undefined, parseError(error instanceof Error ? error.message : 'malformed frame')));
      return;
    }
    const id = isRecord(message) ? message.id : undefined;
    try {
      const request = toRequest(message);
      await this.#ready;
      this.#send(await this.#dispatch(request));
    } catch (error) {
      const rpcError = error instanceof RpcFailure ? error.error : internalError(error instanceof Error ? error.message : String(error));
      this.#send(this.#format.error(id, rpcError));
    }
  }

  async #dispatch(request: RpcRequest): Promise<Frame> {
    const { id, method } = request;
    if (method === 'attach' || method === 'detach') {
      const clientId = request.session;
      if (!(clientId instanceof Uuid)) throw new RpcFailure(invalidRequest(`${method} needs a session id`));
      if (method === 'attach') {
        if (this.#named.has(clientId.toString())) throw new RpcFailure(sessionExists(clientId.toJSON()));
        const session = new EngineSession(this, clientId, !this.#context.authRequired);
        this.#named.set(clientId.toString(), session);
        try {
          await this.#attach(session);
        } catch (error) {
          this.#named.delete(clientId.toString());
          throw error;
        }
        // The socket closed while attaching: #release has already run, so end the session here.
        if (!this.#open) await this.#detach(session);
      } else {
        const session = this.#sessionFor(clientId);
        this.#named.delete(clientId.toString());
        await this.#detach(session);
      }
      return this.#format.result(id, undefined);
    }
    if (method === 'sessions') {
      return this.#format.result(id, [...this.#named.values()].map((session) => session.clientId));
    }

    const session = request.session === undefined ? this.#own : this.#sessionFor(request.session);
    if (!session.authenticated && !guestMayCall(method)) throw new RpcFailure(notAllowed(method));
    const engineRequest: EngineRequest = { id, method, params: request.params, session: session.id };
    if (request.txn !== undefined) engineRequest.txn = request.txn;
    if (request.version !== undefined) engineRequest.version = request.version;
    const reply = await this.#context.engine.execute(engineRequest);
    if (!isErrorReply(reply)) this.#observe(request, reply, session);
    return this.#format.reply(id, reply);
  }

  #sessionFor(clientId: unknown): EngineSession {
    if (!(clientId instanceof Uuid)) throw new RpcFailure(invalidRequest('session must be a uuid'));
    const session = this.#named.get(clientId.toString());
    if (!session) throw new RpcFailure(sessionNotFound(clientId.toJSON()));
    return session;
  }

  /** Tracks what a successful call changed: authentication, and live queries it started. */
  #observe(request: RpcRequest, reply: Uint8Array, session: EngineSession): void {
    session.authenticated = authenticatedAfter(request.method, session.authenticated);
    if (request.method === 'live') {
      this.#context.registry.trackLive(decode(reply), session);
    } else if (request.method === 'query' && typeof request.params[0] === 'string' && /\blive\b/i.test(request.params[0])) {
      const results = decode(reply);
      if (!Array.isArray(results)) return;
      for (const statement of results as { type?: unknown; result?: unknown }[]) {
        if (statement?.type === 'live') this.#context.registry.trackLive(statement.result, session);
      }
    }
  }

  async #attach(session: EngineSession): Promise<void> {
    this.#context.registry.add(session);
    const reply = await this.#context.engine.execute({ method: 'attach', session: session.id });
    if (isErrorReply(reply)) {
      this.#context.registry.remove(session);
      throw new RpcFailure((decode(reply) as { error: RpcErrorPayload }).error);
    }
  }

  async #detach(session: EngineSession): Promise<void> {
    this.#context.registry.remove(session);
    if (this.#context.engine.freed) return;
    await this.#context.engine.execute({ method: 'detach', session: session.id }).catch(() => undefined);
  }

  /** The client went away: end its sessions (which also ends their live queries). */
  async #release(): Promise<void> {
    if (!this.#open) return;
    this.#open = false;
    const sessions = [this.#own, ...this.#named.values()];
    this.#named.clear();
    await this.#ready.catch(() => undefined);
    await Promise.all(sessions.map((session) => this.#detach(session)));
  }

  #send(frame: Frame): void {
    // A client that disconnected mid-request simply does not get its answer.
    if (!this.#open || this.#socket.readyState !== this.#socket.OPEN) return;
    this.#socket.send(frame, { binary: typeof frame !== 'string' });
  }
}

function toRequest(message: unknown): RpcRequest {
  if (!isRecord(message)) throw new RpcFailure(invalidRequest('a request must be a map'));
  const { method, params } = message;
  if (typeof method !== 'string' || method === '') throw new RpcFailure(invalidRequest('method must be a non-empty string'));
  if (params !== undefined && params !== null && !Array.isArray(params)) throw new RpcFailure(invalidRequest('params must be an array'));
  return { ...message, method, params: (params as unknown[] | undefined | null) ?? [], session: asUuid(message.session, 'session'), txn: asUuid(message.txn, 'txn') };
}

/** `session` and `txn` are Uuids (CBOR tag 37); JSON clients can only send them as text. */
function asUuid(value: unknown, field: string): unknown {
  if (typeof value !== 'string') return value ?? undefined;
  try {
    return new Uuid(value);
  } catch {
    throw new RpcFailure(invalidRequest(`${field} must be a uuid`));
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
