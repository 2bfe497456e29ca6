/**
 * @module `WsTransport`: the stateful WebSocket `Transport`. It owns the current socket and
 * replaces it when it dies (close, or no pong): backoff, then a restore of every session's
 * namespace/database, authentication and variables, then the live queries. Calls made meanwhile
 * wait (bounded) or fail fast; every call settles.
 */
import {
  ConnectionClosedError,
  ConnectionError,
  ConnectionLostError,
  RequestAbortedError,
  ServerError,
  SessionClosedError,
  Table,
  TimeoutError,
  type Auth,
  type CallOptions,
  type LiveNotification,
  type Transport,
  type TransportCapabilities,
  type Uuid,
} from '@sdb/protocol';
import { applyAuth, isStaleAuthError, observeRequest, reportRequest, resolveAuth, restoreAuth, timeoutOption, type AuthSend } from '@sdb/protocol/transport';
import { Connection } from './connection.ts';
import { Emitter } from './events.ts';
import { LiveRegistry, LiveSubscription, type LiveSource } from './live.ts';
import { Liveness } from './liveness.ts';
import type { Recovery } from './request-manager.ts';
import type { ResolvedOptions } from './options.ts';
import { backoffDelay } from './reconnect.ts';
import { keyOf, newSessionState, observeCall, type SessionState } from './session-state.ts';
import { webSocketImplementation } from './socket.ts';
import { liveIdOf } from './live-query-result.ts';

export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

const AUTH_METHODS = new Set(['signin', 'signup', 'authenticate', 'refresh', 'invalidate', 'reset']);
/** Methods whose success changes what a new socket must be given again (see session-state.ts). */
const STATEFUL_METHODS = new Set([...AUTH_METHODS, 'use', 'let', 'set', 'unset', 'attach', 'detach', 'kill']);

interface Waiter {
  resolve(connection: Connection): void;
  reject(error: Error): void;
}

export class WsTransport implements Transport {
  readonly capabilities: TransportCapabilities = { live: true, stateful: true };
  declare readonly url: string;
  /** @internal Listen through `WsClient.on`. */
  readonly events = new Emitter();
  /** @internal */
  readonly lives = new LiveRegistry();
  readonly #options: ResolvedOptions;
  readonly #sessions = new Map<string, SessionState>();
  readonly #listeners = new Set<(notification: LiveNotification) => void>();
  readonly #waiters = new Set<Waiter>();
  readonly #reauthenticating = new Map<string, Promise<void>>();
  #connection: Connection | undefined;
  #status: ConnectionStatus = 'connecting';
  #liveness: Liveness | undefined;
  #wake: (() => void) | undefined;
  /** Why the client closed without being asked to (reconnecting off, or given up): later calls say so. */
  #lost: ConnectionLostError | undefined;
  /** Sessions their owner closed (by identity of their id): calls in them fail here, with no round trip. */
  readonly #closedSessions = new WeakSet<Uuid>();

  constructor(url: string, options: ResolvedOptions) {
    this.url = url;
    this.#options = options;
    this.#sessions.set('', newSessionState(undefined, options));
  }

  get status(): ConnectionStatus {
    return this.#status;
  }

  /** Requests waiting for a reply on the current socket. */
  get pending(): number {
    return this.#connection?.pending ?? 0;
  }

  /** Opens the first socket and sets the session up (`use`, `auth`); rejects typed, and closes, when it cannot. */
  async open(): Promise<void> {
    try {
      await this.#connect(0, true);
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  call(method: string, params: readonly unknown[], options: CallOptions = {}): Promise<unknown> {
    const started = now();
    const { session } = options;
    const result =
      session !== undefined && this.#closedSessions.has(session)
        ? Promise.reject(new SessionClosedError(`${method}: session ${session.toJSON()} is closed`))
        : this.#checked(method, options) ?? this.#callWithAuth(method, params, options, started);
    const diagnostics = this.#options.diagnostics;
    if (diagnostics) {
      const request = { method, params, started, session: options.session, txn: options.txn, internal: false };
      result.then(
        () => reportRequest(diagnostics, request),
        (error: unknown) => reportRequest(diagnostics, { ...request, failure: { error } }),
      );
    }
    return result;
  }

  onNotification(listener: (notification: LiveNotification) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Closes for good: pending and waiting calls reject with `ConnectionClosedError`, subscriptions end. */
  async close(): Promise<void> {
    if (this.#isClosed()) return;
    this.#status = 'closed';
    this.#wake?.();
    this.#liveness?.stop();
    this.#rejectWaiters(() => new ConnectionClosedError('The client was closed'));
    this.lives.endWhere(() => true);
    this.#connection?.close();
    this.#connection = undefined;
  }

  /** @internal Registers the state of a server session this client attached (see `WsClient.session`). */
  trackSession(session: Uuid, init: { namespace?: string | undefined; database?: string | undefined; auth?: Auth | undefined }): void {
    this.#sessions.set(keyOf(session), newSessionState(session, init));
  }

  /** @internal Forgets a session: a reconnect no longer restores it, and its subscriptions end. */
  untrackSession(session: Uuid): void {
    this.#sessions.delete(keyOf(session));
    this.lives.endWhere((subscription) => keyOf(subscription.session) === keyOf(session));
  }

  /** @internal Marks a session closed by its owner: from now on a call in it rejects with `SessionClosedError`. */
  closeSession(session: Uuid): void {
    this.#closedSessions.add(session);
  }

  /** @internal Authenticates a session with an `auth` option value (or callback), and remembers it for restores. */
  async authenticateSession(session: Uuid | undefined, auth: Auth, options: CallOptions = {}): Promise<void> {
    const value = await resolveAuth(auth);
    await applyAuth((method, params) => this.call(method, params, { ...options, session }), value);
    // After the call (whose observation cleared it): a callback is asked again on every restore.
    const state = this.#state(session);
    if (state) state.source = auth;
  }

  /** @internal Starts a subscription: issues its live query and registers it before any notification can be lost. */
  async subscribe<T>(source: LiveSource, session: Uuid | undefined, options: CallOptions = {}, id?: Uuid): Promise<LiveSubscription<T>> {
    const liveId = id ?? (await this.#issue(source, (method, params) => this.call(method, params, { ...options, session })));
    const subscription = new LiveSubscription<T>(liveId, session, source, {
      // A live query dies with its socket, and an ended subscription is not re-issued: nothing to kill while disconnected.
      kill: async (current, target) => {
        if (this.#status === 'open') await this.call('kill', [current], { session: target });
      },
      forget: (ended) => this.lives.remove(ended),
    });
    this.lives.add(subscription);
    return subscription;
  }

  /** A rejection for call options no transport accepts (a timeout of 0, say); undefined when they are fine. */
  #checked(method: string, options: CallOptions): Promise<never> | undefined {
    try {
      timeoutOption(method, 'timeout', options.timeout, 0);
      return undefined;
    } catch (error) {
      return Promise.reject(error);
    }
  }

  #callWithAuth(method: string, params: readonly unknown[], options: CallOptions, started: number): Promise<unknown> {
    // An expired session is signed in again (callback, token, refresh token or credentials) and the call retried once.
    const recovery = AUTH_METHODS.has(method)
      ? undefined
      : (error: Error) => {
          const state = isStaleAuthError(error) ? this.#state(options.session) : undefined;
          if (!state || (state.auth === undefined && state.source === undefined)) return undefined;
          return this.#reauthenticate(state, options).then(() => this.#send(method, params, options, started));
        };
    return this.#perform(method, params, options, started, recovery);
  }

  #perform(method: string, params: readonly unknown[], options: CallOptions, started: number, recovery?: Recovery): Promise<unknown> {
    const sent = this.#send(method, params, options, started, recovery);
    return STATEFUL_METHODS.has(method) ? sent.then((result) => this.#observe(method, params, result, options.session)) : sent;
  }

  /** Sends on the open socket at once (the common case, kept free of extra promise hops), or after waiting for one. */
  #send(method: string, params: readonly unknown[], options: CallOptions, started: number, recovery?: Recovery): Promise<unknown> {
    const timeout = options.timeout ?? this.#options.timeout;
    const connection = this.#connection;
    if (this.#status === 'open' && connection?.isOpen) return connection.request(method, params, timeout, options, recovery);
    return this.#ready(method, options, timeout).then((ready) => ready.request(method, params, Math.max(0, timeout - (now() - started)), options, recovery));
  }

  /** Records what a successful call changed in its session's state; answers the result. */
  #observe(method: string, params: readonly unknown[], result: unknown, session: Uuid | undefined): unknown {
    if (method === 'attach') {
      if (session !== undefined && !this.#sessions.has(keyOf(session))) this.trackSession(session, {});
      return result;
    }
    if (method === 'kill') {
      const id = params[0];
      this.lives.endWhere((subscription) => subscription.id.toJSON() === (typeof id === 'string' ? id : (id as Uuid | undefined)?.toJSON()));
      return result;
    }
    const state = this.#state(session);
    if (!state) return result;
    const change = observeCall(state, method, params, result);
    if (change === 'detached' || change === 'reset') {
      if (change === 'detached') this.#sessions.delete(keyOf(session));
      // The server killed the session's live queries; their subscriptions end with them.
      this.lives.endWhere((subscription) => keyOf(subscription.session) === keyOf(session));
    }
    if (AUTH_METHODS.has(method) && method !== 'reset') {
      this.events.emit('auth', { action: method as 'signin', session });
    }
    return result;
  }

  #isClosed(): boolean {
    return this.#status === 'closed';
  }

  #state(session: Uuid | undefined): SessionState | undefined {
    return this.#sessions.get(keyOf(session));
  }

  /** While no socket is open (`#send` has checked): a wait for the next one (by option), bounded by the call's own timeout. */
  #ready(method: string, options: CallOptions, timeout: number): Promise<Connection> {
    if (this.#isClosed()) {
      const lost = this.#lost;
      return Promise.reject(lost ? new ConnectionLostError(`${method}: ${lost.message}`, lost.attempts, { cause: lost.cause }) : new ConnectionClosedError(`${method}: the client is closed`));
    }
    if (this.#options.whenDisconnected === 'fail') return Promise.reject(new ConnectionError(`${method}: not connected (the client is reconnecting)`));
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(new RequestAbortedError(`${method} was aborted`));
    const bound = Math.min(timeout, this.#options.waitTimeout ?? Infinity);
    return new Promise<Connection>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onAbort = () => settle(() => reject(new RequestAbortedError(`${method} was aborted`)));
      const settle = (then: () => void) => {
        this.#waiters.delete(waiter);
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        then();
      };
      const waiter: Waiter = {
        resolve: (connection) => settle(() => resolve(connection)),
        reject: (error) => settle(() => reject(error)),
      };
      this.#waiters.add(waiter);
      if (Number.isFinite(bound)) {
        timer = setTimeout(() => waiter.reject(new TimeoutError(`${method} timed out after ${bound} ms waiting for the connection to come back`)), bound);
      }
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Opens a socket and restores every session on it; the socket becomes current only once restored. */
  async #connect(attempt: number, initial: boolean): Promise<void> {
    this.events.emit('connecting', { url: this.url, attempt });
    const { tls, maxFrameBytes } = this.#options;
    const Impl = await webSocketImplementation(this.#options.WebSocket, tls !== undefined);
    const connection = await Connection.open(
      this.url,
      Impl,
      this.#options.connectTimeout,
      {
        notification: (notification) => this.#notify(notification),
        closed: (code, reason) => this.#closed(connection, code, reason),
        error: (error) => this.events.emit('error', { error }),
      },
      { tls, maxFrameBytes },
    );
    if (this.#isClosed()) {
      connection.close();
      throw new ConnectionClosedError('The client was closed while connecting');
    }
    this.#connection = connection;
    try {
      await this.#restore(connection, initial);
    } catch (error) {
      connection.drop('the session could not be set up');
      if (this.#connection === connection) this.#connection = undefined;
      throw error;
    }
    if (this.#isClosed() || !connection.isOpen) throw new ConnectionClosedError('The connection closed while it was being set up');
    this.#status = 'open';
    this.#startLiveness(connection);
    for (const waiter of [...this.#waiters]) waiter.resolve(connection);
    this.events.emit('connected', { url: this.url, attempt, restored: !initial });
  }

  /**
   * Gives a fresh socket every session's state back: attach, authentication, namespace/database,
   * variables, then re-issues each subscription's live query. On the first connect any failure
   * is thrown; on a reconnect a server refusal is reported (event) and the rest goes on, while a
   * socket failure is thrown so the next attempt starts.
   */
  async #restore(connection: Connection, initial: boolean): Promise<void> {
    // Bounded like the socket's opening: a socket that stalls while being set up is given up on, not waited for.
    const send = (method: string, params: readonly unknown[], session: Uuid | undefined) => this.#internal(connection, method, params, session, this.#options.connectTimeout);
    const tolerate = async (step: () => Promise<void>, onRefused?: (error: Error) => void) => {
      try {
        await step();
      } catch (error) {
        if (initial || !(error instanceof ServerError)) throw error;
        onRefused?.(error);
        this.events.emit('error', { error });
      }
    };
    for (const state of [...this.#sessions.values()]) {
      const { session } = state;
      if (session !== undefined) await tolerate(() => send('attach', [], session).then(() => undefined));
      if (state.auth !== undefined || state.source !== undefined) {
        await tolerate(
          async () => {
            state.auth = await restoreAuth((method, params) => send(method, params, session), state.auth, state.source);
            this.events.emit('auth', { action: initial ? (state.auth?.credentials === undefined ? 'authenticate' : 'signin') : 'restored', session });
          },
          () => this.events.emit('auth', { action: 'failed', session }),
        );
      }
      if (state.namespace !== undefined || state.database !== undefined) {
        await tolerate(async () => {
          observeCall(state, 'use', [], await send('use', [state.namespace, state.database], session));
        });
      }
      for (const [name, value] of state.variables) await tolerate(() => send('let', [name, value], session).then(() => undefined));
    }
    if (initial) return;
    this.lives.clearOrphans();
    for (const subscription of this.lives.all()) {
      if (subscription.source.kind === 'id') {
        subscription.end(new ConnectionClosedError('The connection was lost and this live query (subscribed by id) cannot be re-issued'));
        continue;
      }
      await tolerate(
        async () => this.lives.rekey(subscription, await this.#issue(subscription.source, (method, params) => send(method, params, subscription.session))),
        (error) => subscription.end(error),
      );
    }
  }

  /** Runs a subscription's LIVE query and answers its id. */
  async #issue(source: LiveSource, send: (method: string, params: readonly unknown[]) => Promise<unknown>): Promise<Uuid> {
    if (source.kind === 'table') {
      const table = typeof source.table === 'string' ? new Table(source.table) : source.table;
      return (await send('live', source.diff ? [table, true] : [table])) as Uuid;
    }
    if (source.kind === 'query') return liveIdOf(await send('query', source.vars === undefined ? [source.query] : [source.query, source.vars]));
    throw new TypeError('A live query subscribed by id cannot be issued');
  }

  /** A call the client makes itself (restore, ping, re-authentication) on a given socket. */
  async #internal(connection: Connection, method: string, params: readonly unknown[], session: Uuid | undefined, timeout = this.#options.timeout): Promise<unknown> {
    return observeRequest(this.#options.diagnostics, { method, params, session, internal: true }, () => connection.request(method, params, timeout, { session }));
  }

  /** One re-authentication per session at a time: concurrent calls that met an expired session share it. */
  #reauthenticate(state: SessionState, options: CallOptions): Promise<void> {
    const key = keyOf(state.session);
    let running = this.#reauthenticating.get(key);
    if (!running) {
      running = (async () => {
        const send: AuthSend = (method, params) => this.#perform(method, params, { timeout: options.timeout, session: state.session }, now());
        state.auth = await restoreAuth(send, state.auth, state.source);
        this.events.emit('auth', { action: 'restored', session: state.session });
      })().finally(() => this.#reauthenticating.delete(key));
      this.#reauthenticating.set(key, running);
    }
    return running;
  }

  #startLiveness(connection: Connection): void {
    this.#liveness?.stop();
    const ping = this.#options.ping;
    if (ping === false) return;
    this.#liveness = new Liveness(
      ping,
      (timeout) => this.#internal(connection, 'ping', [], undefined, timeout),
      () => connection.lastFrameAt,
      (error) => {
        this.events.emit('error', { error });
        connection.drop(error.message);
      },
    );
    this.#liveness.start();
  }

  #notify(notification: LiveNotification): void {
    this.lives.dispatch(notification);
    for (const listener of this.#listeners) {
      try {
        listener(notification);
      } catch (error) {
        this.events.emit('error', { error: error instanceof Error ? error : new Error(String(error)) });
      }
    }
  }

  #closed(connection: Connection, code: number | undefined, reason: string): void {
    if (connection !== this.#connection) return;
    this.#connection = undefined;
    this.#liveness?.stop();
    const wasOpen = this.#status === 'open';
    const willReconnect = wasOpen && this.#options.reconnect !== false;
    this.events.emit('disconnected', { code, reason, willReconnect });
    // Closed by the user, or lost while connecting: whoever is connecting sees the failure.
    if (!wasOpen) return;
    if (!willReconnect) {
      this.#shutdown(new ConnectionLostError(`the connection to ${this.url} was lost (${reason}) and reconnecting is off`, 0));
      return;
    }
    this.#status = 'reconnecting';
    void this.#reconnect();
  }

  async #reconnect(): Promise<void> {
    const options = this.#options.reconnect;
    if (options === false) return;
    let lastError: unknown;
    for (let attempt = 0; attempt < options.maxAttempts; attempt++) {
      const delay = backoffDelay(options, attempt);
      this.events.emit('reconnecting', { attempt: attempt + 1, delay });
      await this.#sleep(delay);
      if (this.#isClosed()) return;
      try {
        await this.#connect(attempt + 1, false);
        return;
      } catch (error) {
        if (this.#isClosed()) return;
        lastError = error;
        this.events.emit('error', { error: error instanceof Error ? error : new ConnectionError(String(error)) });
      }
    }
    const attempts = options.maxAttempts;
    this.#shutdown(new ConnectionLostError(`reconnecting to ${this.url} gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}`, attempts, { cause: lastError }));
  }

  #shutdown(error: ConnectionLostError): void {
    this.#status = 'closed';
    this.#lost = error;
    this.#rejectWaiters(() => error);
    this.lives.endWhere(() => true, error);
  }

  #rejectWaiters(error: () => Error): void {
    for (const waiter of [...this.#waiters]) waiter.reject(error());
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.#wake = undefined;
        resolve();
      }
      this.#wake = done;
    });
  }
}

function now(): number {
  return performance.now();
}
