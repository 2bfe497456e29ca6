/**
 * @module The engine sessions HTTP requests run in. Setting one up from the request's headers
 * and throwing it away costs four engine calls around the request's own (attach, use,
 * authenticate, detach). A request that cannot change its session (every method but `use`,
 * `let`/`set`/`unset` and the auth methods; `USE` and `LET` statements inside a query do not
 * outlast the query) runs instead in a session kept for its namespace, database and bearer
 * token, attached and `use`d once: the token is still authenticated on every request (as a real
 * server does, so an expired token, or one whose access was redefined, is refused), then the
 * call runs: two engine calls, one without a token. Every other request gets a fresh session,
 * detached afterwards, so no state passes from one request to the next.
 */
import type { IncomingMessage } from 'node:http';
import { decode, Uuid } from '@sdb/protocol';
import type { Engine, EngineRequest } from './engine.ts';
import { isErrorReply } from './reply-frames.ts';
import { invalidCredentials, type RpcErrorPayload } from './rpc-errors.ts';

/** Methods that change the session they run in: never run in a kept session. */
const SESSION_CHANGING: ReadonlySet<string> = new Set(['use', 'let', 'set', 'unset', 'signin', 'signup', 'authenticate', 'refresh', 'invalidate', 'reset']);
/** Kept sessions beyond this many (distinct namespace/database/token triples) push out the oldest. */
const MAX_KEPT = 256;

/** Answers with an HTTP status and an RPC error, from anywhere in a route. */
export class HttpFailure extends Error {
  readonly status: number;
  readonly error: RpcErrorPayload;
  constructor(status: number, error: RpcErrorPayload) {
    super(error.message);
    this.status = status;
    this.error = error;
  }
}

interface KeptSession {
  id: Uuid;
  authenticated: boolean;
  /** Requests running in it now: a forgotten session is detached once the last one ends. */
  users: number;
  forgotten: boolean;
}

export class HttpSessions {
  readonly #engine: Engine;
  readonly #authRequired: boolean;
  /** Set-up promises, so concurrent first requests for one key share one session. */
  readonly #kept = new Map<string, Promise<KeptSession>>();

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
    let pending = this.#kept.get(key);
    const reused = pending !== undefined;
    if (pending === undefined) {
      pending = this.#setUp(request).then((fresh) => ({ ...fresh, users: 0, forgotten: false }));
      this.#keep(key, pending);
    }
    const session = await pending;
    session.users++;
    try {
      const credentials = reused ? credentialsOf(request) : undefined;
      if (credentials) {
        // A refused token may have changed the session's authentication: it is not used again.
        await this.#call({ ...credentials, session: session.id }, 401, invalidCredentials()).catch((error: unknown) => {
          this.#forget(key, pending, session);
          throw error;
        });
      }
      return await work(session.id, session.authenticated);
    } finally {
      session.users--;
      if (session.forgotten && session.users === 0) await this.#detach(session.id);
    }
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
  async #setUp(request: IncomingMessage): Promise<{ id: Uuid; authenticated: boolean }> {
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

  #keep(key: string, pending: Promise<KeptSession>): void {
    this.#kept.set(key, pending);
    // A failed set-up (bad token) is answered to its request and not kept.
    pending.catch(() => {
      if (this.#kept.get(key) === pending) this.#kept.delete(key);
    });
    if (this.#kept.size <= MAX_KEPT) return;
    const [oldestKey, oldest] = this.#kept.entries().next().value as [string, Promise<KeptSession>];
    oldest.then((session) => this.#forget(oldestKey, oldest, session), () => undefined);
  }

  #forget(key: string, pending: Promise<KeptSession>, session: KeptSession): void {
    if (this.#kept.get(key) === pending) this.#kept.delete(key);
    if (session.forgotten) return;
    session.forgotten = true;
    if (session.users === 0) void this.#detach(session.id);
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
