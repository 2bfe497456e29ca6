/**
 * @module The engine sessions HTTP requests run in. Setting one up from the request's headers
 * and throwing it away costs four engine calls around the request's own (attach, use,
 * authenticate, detach). A request that cannot change its session (every method but `use`,
 * `let`/`set`/`unset` and the auth methods; `USE` and `LET` statements inside a query do not
 * outlast the query) runs instead in an idle session kept for its namespace, database and
 * bearer token, attached and `use`d once: the token is still authenticated on every request (as
 * a real server does, so an expired token, or one whose access was redefined, is refused), then
 * the call runs: two engine calls, one without a token. One request at a time per session (the
 * engine can stall when a session is authenticated while another call runs in it), so requests
 * in flight together take a session each. Every other request gets a fresh session, detached
 * afterwards, so no state passes from one request to the next.
 */
import type { IncomingMessage } from 'node:http';
import { decode, Uuid } from '@sdb/protocol';
import type { EngineRequest } from '@sdb/protocol/transport';
import type { Engine } from './engine.ts';
import { isErrorReply } from '@sdb/protocol/transport';
import { invalidCredentials, type RpcErrorPayload } from './rpc-errors.ts';

/** Methods that change the session they run in: never run in a kept session. */
const SESSION_CHANGING: ReadonlySet<string> = new Set(['use', 'let', 'set', 'unset', 'signin', 'signup', 'authenticate', 'refresh', 'invalidate', 'reset']);
/** Idle sessions kept at most, over all namespace/database/token triples; a session beyond is detached. */
const MAX_IDLE = 256;

/** Answers with an HTTP status and an RPC error, from anywhere in a route. */
interface Session {
  id: Uuid;
  authenticated: boolean;
}

export class HttpFailure extends Error {
  readonly status: number;
  readonly error: RpcErrorPayload;
  constructor(status: number, error: RpcErrorPayload) {
    super(error.message);
    this.status = status;
    this.error = error;
  }
}

export class HttpSessions {
  readonly #engine: Engine;
  readonly #authRequired: boolean;
  /** Idle set-up sessions by namespace/database/token; each is used by one request at a time. */
  readonly #idle = new Map<string, Session[]>();
  #idleCount = 0;

  constructor(engine: Engine, authRequired: boolean) {
    this.#engine = engine;
    this.#authRequired = authRequired;
  }

  /**
   * Runs `work` in a session set up from the request's headers, for a request calling `method`
   * (`undefined` for the non-RPC routes, which change no session). `authenticated` is true when
   * the request's credentials were accepted, or when none are needed.
   */
  async run<T>(request: IncomingMessage, method: string | undefined, work: (session: Uuid, authenticated: boolean) => Promise<T>): Promise<T> {
    const key = method !== undefined && SESSION_CHANGING.has(method) ? undefined : keepKey(request);
    if (key === undefined) return this.#inFreshSession(request, work);
    const session = await this.#take(key, request);
    try {
      return await work(session.id, session.authenticated);
    } finally {
      this.#giveBack(key, session);
    }
  }

  /** An idle session for `key`, its token authenticated again, or a new one. */
  async #take(key: string, request: IncomingMessage): Promise<Session> {
    const session = this.#idle.get(key)?.pop();
    if (session === undefined) return this.#setUp(request);
    this.#idleCount--;
    const credentials = credentialsOf(request);
    try {
      if (credentials) await this.#call({ ...credentials, session: session.id }, 401, invalidCredentials());
    } catch (error) {
      // A refused token may have changed the session's authentication: it is not used again.
      await this.#detach(session.id);
      throw error;
    }
    return session;
  }

  #giveBack(key: string, session: Session): void {
    if (this.#idleCount >= MAX_IDLE || this.#engine.freed) {
      void this.#detach(session.id);
      return;
    }
    const idle = this.#idle.get(key);
    if (idle) idle.push(session);
    else this.#idle.set(key, [session]);
    this.#idleCount++;
  }

  async #inFreshSession<T>(request: IncomingMessage, work: (session: Uuid, authenticated: boolean) => Promise<T>): Promise<T> {
    const { id, authenticated } = await this.#setUp(request);
    try {
      return await work(id, authenticated);
    } finally {
      await this.#detach(id);
    }
  }

  /** Attaches a session and sets it up from the headers; detaches it again if that fails. */
  async #setUp(request: IncomingMessage): Promise<Session> {
    const id = Uuid.v4();
    await this.#call({ method: 'attach', session: id }, 500);
    try {
      const namespace = header(request, 'surreal-ns');
      const database = header(request, 'surreal-db');
      if (namespace !== undefined || database !== undefined) await this.#call({ method: 'use', params: [namespace, database], session: id }, 400);
      const credentials = credentialsOf(request);
      if (credentials) await this.#call({ ...credentials, session: id }, 401, invalidCredentials());
      return { id, authenticated: credentials !== undefined || !this.#authRequired };
    } catch (error) {
      await this.#detach(id);
      throw error;
    }
  }

  async #detach(id: Uuid): Promise<void> {
    if (!this.#engine.freed) await this.#engine.execute({ method: 'detach', session: id }).catch(() => undefined);
  }

  /** Runs a set-up call; an engine error becomes an `HttpFailure` with `status` (and `error` when given). */
  async #call(request: EngineRequest, status: number, error?: RpcErrorPayload): Promise<void> {
    const reply = await this.#engine.execute(request);
    if (isErrorReply(reply)) throw new HttpFailure(status, error ?? (decode(reply) as { error: RpcErrorPayload }).error);
  }
}

/**
 * What a kept session is kept under: namespace, database and bearer token; `undefined` for Basic
 * credentials, which get a fresh session each time (a password is kept in no long-lived key).
 */
function keepKey(request: IncomingMessage): string | undefined {
  const authorization = header(request, 'authorization');
  if (authorization !== undefined && !/^bearer\s/i.test(authorization)) return undefined;
  return JSON.stringify([header(request, 'surreal-ns') ?? null, header(request, 'surreal-db') ?? null, authorization ?? null]);
}

/** The `authenticate` or `signin` call for the request's `Authorization` header, if any. */
function credentialsOf(request: IncomingMessage): EngineRequest | undefined {
  const authorization = header(request, 'authorization');
  if (!authorization) return undefined;
  const [scheme = '', value = ''] = authorization.split(/\s+/, 2);
  if (scheme.toLowerCase() === 'bearer') return { method: 'authenticate', params: [value] };
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new HttpFailure(401, invalidCredentials());
    const auth: Record<string, string> = { user: decoded.slice(0, colon), pass: decoded.slice(colon + 1) };
    const ns = header(request, 'surreal-auth-ns');
    const db = header(request, 'surreal-auth-db');
    if (ns) auth.ns = ns;
    if (db) auth.db = db;
    return { method: 'signin', params: [auth] };
  }
  throw new HttpFailure(401, invalidCredentials());
}

export function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
