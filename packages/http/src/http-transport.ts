/**
 * @module The HTTP `Transport`: each RPC call is one `POST /rpc` with a CBOR body. The server
 * keeps nothing between requests, so this side keeps the session: namespace and database
 * (sent as headers), the tokens (Authorization), `let` variables (merged into `query`), and what
 * it takes to authenticate again when the token expires or is rejected (@sdb/protocol's
 * re-authentication, shared with @sdb/ws: callback, refresh token, credentials).
 */
import { ConnectionClosedError, ProtocolError, ServerError, decode, encode } from '@sdb/protocol';
import type { Auth, CallOptions, DiagnosticsHook, LiveNotification, Transport, TransportCapabilities, WireCredentials } from '@sdb/protocol';
import {
  DEFAULT_TIMEOUT,
  applyAuth,
  canRestoreAuth,
  functionOption,
  invalidOption,
  isStaleAuthError,
  nameOption,
  observeRequest,
  resolveAuth,
  restoreAuth,
  timeoutOption,
  tlsOption,
  tokenStale,
  tokensFromWire,
  type AuthSend,
  type StoredAuth,
  type TlsOptions,
} from '@sdb/protocol/transport';
import { httpBaseUrl } from './endpoint.ts';
import { HttpStatusError, NotSupportedOverHttpError } from './errors.ts';
import { CLOSED, exchange, type HttpReply, type OpenRequestPath, type RequestPath } from './request.ts';

export interface HttpTransportOptions {
  namespace?: string;
  database?: string;
  /** Default per-call timeout in milliseconds (30 000; `Infinity` for none, `0` is refused). */
  timeout?: number;
  /** Extra headers sent with every request (e.g. tracing). */
  headers?: Record<string, string>;
  /**
   * Node only: an undici `Dispatcher` (e.g. an `Agent` with more connections) that carries the
   * requests instead of the client's own keep-alive `Agent`; the caller closes it.
   */
  dispatcher?: unknown;
  /**
   * Node only: `{ ca }`, the PEM certificate authorities to trust for `https://` instead of the
   * system's (e.g. a server's self-signed certificate). Browsers and edge runtimes use their own
   * trust store, so their entry refuses it; with a `dispatcher`, set its `connect.ca` instead.
   */
  tls?: TlsOptions;
  /** Sees every call once it settles (method, duration, outcome); never a secret, never a result. */
  diagnostics?: DiagnosticsHook;
}

/** Options for the non-RPC routes (`/health`, `/version`, `/import`, `/export`). */
export interface RouteRequest {
  method: 'GET' | 'POST';
  body?: Uint8Array | string;
  contentType?: string;
  accept: string;
}

/** Methods that need a server-side session or a socket. */
const STATEFUL_METHODS = new Set(['live', 'kill', 'attach', 'detach', 'sessions', 'begin', 'commit', 'cancel']);
/** Methods that establish the token, and so must not send the current (maybe stale) one. */
const TOKENLESS_METHODS = new Set(['signin', 'signup', 'authenticate', 'refresh']);
const WHERE = 'connect';

/**
 * The transport, given how its requests leave the process: each entry (src/index.ts for browsers,
 * edge, Deno and Bun; src/node.ts for Node) exports it as `HttpTransport` with its own request path.
 */
export class HttpTransportOn implements Transport {
  readonly capabilities: TransportCapabilities = { live: false, stateful: false };
  /** Base URL of the server, e.g. `http://127.0.0.1:8000`. */
  readonly url: string;
  readonly #rpcUrl: string;
  readonly #timeout: number;
  readonly #extraHeaders: Record<string, string>;
  readonly #requests: RequestPath;
  readonly #diagnostics: DiagnosticsHook | undefined;
  readonly #inflight = new Set<AbortController>();
  #closed = false;
  #nextId = 0;
  #namespace: string | undefined;
  #database: string | undefined;
  #variables: Record<string, unknown> = {};
  /** The tokens, and the `signin` params that got them; never logged, never put in an error. */
  #auth: StoredAuth | undefined;
  /** The `auth` option when it is a callback: asked again whenever the token goes stale. */
  #source: Auth | undefined;
  #reauthenticating: Promise<void> | undefined;

  constructor(url: string | URL, options: HttpTransportOptions, openRequestPath: OpenRequestPath) {
    this.url = httpBaseUrl(url);
    this.#rpcUrl = `${this.url}/rpc`;
    this.#timeout = timeoutOption(WHERE, 'timeout', options.timeout, DEFAULT_TIMEOUT);
    const { headers = {} } = options;
    if (typeof headers !== 'object' || headers === null) throw invalidOption(WHERE, 'headers', 'be an object of header names to values');
    this.#extraHeaders = headers;
    this.#diagnostics = functionOption(WHERE, 'diagnostics', options.diagnostics);
    this.#namespace = nameOption(WHERE, 'namespace', options.namespace);
    this.#database = nameOption(WHERE, 'database', options.database);
    const tls = tlsOption(WHERE, options.tls);
    if (tls !== undefined && options.dispatcher !== undefined) throw invalidOption(WHERE, 'tls', 'not be given with a dispatcher (give the dispatcher its own connect.ca)');
    this.#requests = openRequestPath(options.dispatcher, tls);
  }

  get namespace(): string | undefined {
    return this.#namespace;
  }

  get database(): string | undefined {
    return this.#database;
  }

  /** Whether a token is currently held (the token itself is never exposed). */
  get authenticated(): boolean {
    return this.#auth !== undefined;
  }

  /** Client-side `let` variables, as they will be merged into each `query`. */
  get variables(): Readonly<Record<string, unknown>> {
    return this.#variables;
  }

  /**
   * Authenticates with `connect`'s `auth` option now (credentials sign in, a token authenticates);
   * a callback is kept and asked again whenever the token expires or is rejected. An explicit
   * `signin`, `signup` or `authenticate` later replaces it.
   */
  async useAuth(auth: Auth, options: CallOptions = {}): Promise<void> {
    this.#source = typeof auth === 'function' ? auth : undefined;
    this.#auth = await applyAuth(this.#authSend(options), await resolveAuth(auth));
  }

  call(method: string, params: readonly unknown[], options: CallOptions = {}): Promise<unknown> {
    return observeRequest(this.#diagnostics, { method, params, internal: false }, () => this.#dispatch(method, params, options));
  }

  /** Checks the server answers (`ping`), reported to diagnostics as the client's own call. */
  probe(options: CallOptions = {}): Promise<void> {
    return observeRequest(this.#diagnostics, { method: 'ping', params: [], internal: true }, async () => {
      await this.#authorized(() => this.#rpc('ping', [], options, true), options);
    });
  }

  async #dispatch(method: string, params: readonly unknown[], options: CallOptions): Promise<unknown> {
    this.#assertOpen();
    timeoutOption(method, 'timeout', options.timeout, 0);
    if (STATEFUL_METHODS.has(method)) throw new NotSupportedOverHttpError(method);
    if (options.session !== undefined) throw new NotSupportedOverHttpError('session', 'server sessions need @sdb/ws');
    if (options.txn !== undefined) throw new NotSupportedOverHttpError('txn', 'send an atomic batch (@sdb/ql atomic()) as one query, or use @sdb/ws');
    switch (method) {
      case 'use':
        return this.#use(params);
      case 'let':
      case 'set':
        this.#let(params);
        return null;
      case 'unset':
        this.#let([params[0], undefined]);
        return null;
      case 'invalidate':
        this.#forgetAuth();
        return undefined;
      case 'reset':
        this.#forgetAuth();
        this.#variables = {};
        this.#namespace = undefined;
        this.#database = undefined;
        return undefined;
      // The user's own sign-in replaces the auth callback: renewals must keep the identity they chose.
      case 'signin':
      case 'signup': {
        const result = await this.#rpc(method, params, options, false);
        // A signed-up record user signs in again with the same access and variables.
        this.#auth = { tokens: tokensFromWire(result), credentials: params[0] as WireCredentials };
        this.#source = undefined;
        return result;
      }
      case 'authenticate': {
        const result = await this.#rpc(method, params, options, false);
        this.#auth = typeof params[0] === 'string' ? { tokens: { access: params[0] } } : undefined;
        this.#source = undefined;
        return result;
      }
      case 'refresh': {
        // The pair is the whole request: an expired access token in the header must not get it refused.
        const result = await this.#rpc(method, params, options, false);
        this.#auth = { ...this.#auth, tokens: tokensFromWire(result) };
        return result;
      }
      case 'query':
        return this.#authorized(() => this.#rpc(method, this.#withVariables(params), options, true), options);
      default:
        return this.#authorized(() => this.#rpc(method, params, options, true), options);
    }
  }

  /** HTTP never pushes notifications: the listener is kept nowhere. */
  onNotification(_listener: (notification: LiveNotification) => void): () => void {
    return () => undefined;
  }

  /** Rejects every in-flight request with `ConnectionClosedError`; later calls reject the same way. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const controller of this.#inflight) controller.abort(CLOSED);
    this.#requests.close();
  }

  /** Calls a non-RPC route with the session's headers, re-signing in once if the token is rejected. */
  async route(path: string, request: RouteRequest, options: CallOptions = {}): Promise<HttpReply> {
    return this.#authorized(async () => {
      this.#assertOpen();
      timeoutOption(path, 'timeout', options.timeout, 0);
      const reply = await exchange(this.#requests, {
        url: `${this.url}${path}`,
        method: request.method,
        headers: this.#headers(true, request.contentType, request.accept),
        body: request.body,
        timeout: options.timeout ?? this.#timeout,
        signal: options.signal,
        inflight: this.#inflight,
      });
      if (reply.status >= 200 && reply.status < 300) return reply;
      throw routeError(path, reply);
    }, options);
  }

  async #rpc(method: string, params: readonly unknown[], options: CallOptions, withToken: boolean): Promise<unknown> {
    this.#assertOpen();
    const reply = await exchange(this.#requests, {
      url: this.#rpcUrl,
      method: 'POST',
      headers: this.#headers(withToken && !TOKENLESS_METHODS.has(method), 'application/cbor', 'application/cbor'),
      body: encode({ id: ++this.#nextId, method, params }),
      timeout: options.timeout ?? this.#timeout,
      signal: options.signal,
      inflight: this.#inflight,
    });
    return resultOf(reply);
  }

  /**
   * Runs `attempt` with a fresh token: authenticates again first when the held token has expired,
   * and once more (then retries once) when the server rejects it.
   */
  async #authorized<T>(attempt: () => Promise<T>, options: CallOptions): Promise<T> {
    if (this.#auth !== undefined && tokenStale(this.#auth.tokens) && canRestoreAuth(this.#auth, this.#source)) {
      await this.#reauthenticate(options);
    }
    try {
      return await attempt();
    } catch (error) {
      if (this.#auth === undefined || !isStaleAuthError(error) || !canRestoreAuth(this.#auth, this.#source)) throw error;
      await this.#reauthenticate(options);
      return attempt();
    }
  }

  #assertOpen(): void {
    if (this.#closed) throw new ConnectionClosedError('The HTTP client is closed');
  }

  /** The client's own auth calls (renewals), reported to diagnostics as internal. */
  #authSend(options: CallOptions): AuthSend {
    const callOptions = { timeout: options.timeout ?? this.#timeout };
    return (method, params) => observeRequest(this.#diagnostics, { method, params, internal: true }, () => this.#rpc(method, params, callOptions, false));
  }

  /**
   * One renewal at a time: concurrent calls that hit a stale token share it. The held access token
   * is not tried again: over HTTP every request already carries it, so it is the one refused.
   */
  #reauthenticate(options: CallOptions): Promise<void> {
    this.#reauthenticating ??= (async () => {
      try {
        this.#auth = await restoreAuth(this.#authSend(options), this.#auth, this.#source, true);
      } finally {
        this.#reauthenticating = undefined;
      }
    })();
    return this.#reauthenticating;
  }

  #use(params: readonly unknown[]): { namespace: string | undefined; database: string | undefined } {
    const [namespace, database] = params;
    // RPC semantics: `undefined` (NONE) keeps the current value, `null` clears it.
    if (namespace !== undefined) this.#namespace = namespace === null ? undefined : String(namespace);
    if (database !== undefined) this.#database = database === null ? undefined : String(database);
    return { namespace: this.#namespace, database: this.#database };
  }

  #let(params: readonly unknown[]): void {
    const [name, value] = params;
    if (typeof name !== 'string' || name === '') throw new TypeError('let: the variable name must be a non-empty string');
    const key = name.startsWith('$') ? name.slice(1) : name;
    // As on the server, setting NONE removes the variable.
    if (value === undefined) delete this.#variables[key];
    else this.#variables[key] = value;
  }

  #withVariables(params: readonly unknown[]): readonly unknown[] {
    if (Object.keys(this.#variables).length === 0) return params;
    const [query, vars, ...rest] = params;
    return [query, { ...this.#variables, ...(vars as Record<string, unknown> | undefined) }, ...rest];
  }

  #forgetAuth(): void {
    this.#auth = undefined;
    this.#source = undefined;
  }

  #headers(withToken: boolean, contentType: string | undefined, accept: string): Record<string, string> {
    const headers: Record<string, string> = { ...this.#extraHeaders, accept };
    if (contentType) headers['content-type'] = contentType;
    if (this.#namespace !== undefined) headers['surreal-ns'] = this.#namespace;
    if (this.#database !== undefined) headers['surreal-db'] = this.#database;
    if (withToken && this.#auth !== undefined) headers.authorization = `Bearer ${this.#auth.tokens.access}`;
    return headers;
  }
}

/** The `result` of an RPC reply, or its error as a typed `ServerError` (an HTTP error status too). */
function resultOf(reply: HttpReply): unknown {
  let envelope: { result?: unknown; error?: unknown } | undefined;
  if (reply.contentType.includes('cbor') && reply.body.length > 0) {
    const decoded = decode(reply.body);
    if (decoded === null || typeof decoded !== 'object') throw new ProtocolError('The server answered /rpc with a CBOR value that is not an RPC response');
    envelope = decoded as { result?: unknown; error?: unknown };
  }
  if (envelope?.error !== undefined) throw withStatus(ServerError.from(envelope.error as never), reply.status);
  if (reply.status >= 200 && reply.status < 300) {
    if (!envelope) throw new ProtocolError(`The server answered /rpc with ${reply.contentType || 'no content type'}, not CBOR`);
    return envelope.result;
  }
  throw routeError('/rpc', reply);
}

/** A non-2xx answer without an RPC error body: 401/403 are authentication failures, the rest protocol errors. */
function routeError(path: string, reply: HttpReply): Error {
  const text = new TextDecoder().decode(reply.body).slice(0, 500);
  if (reply.status === 401 || reply.status === 403) {
    const error = ServerError.from({ code: -32002, kind: 'NotAllowed', message: text || 'There was a problem with authentication' } as never);
    return withStatus(error, reply.status);
  }
  return new HttpStatusError(`${path} answered HTTP ${reply.status}${text ? `: ${text}` : ''}`, reply.status);
}

/** Keeps the HTTP status on a server error (`ServerError#status`), so callers (and the renewal check) can see a 401. */
function withStatus(error: ServerError, status: number): ServerError {
  Object.defineProperty(error, 'status', { value: status, enumerable: false });
  return error;
}
