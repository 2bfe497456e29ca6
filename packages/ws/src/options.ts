/**
 * @module `connect` options, their defaults, and their validation (bad values fail at `connect`
 * with a `TypeError` that names the option, never later on first use).
 */
import type { Auth, DiagnosticsHook } from '@sdb/protocol';
import type { WebSocketConstructor } from './socket.ts';

export interface ReconnectOptions {
  /** Delay before the first attempt, in ms (default 100). */
  initialDelay?: number;
  /** Upper bound of the delay, in ms (default 10 000). */
  maxDelay?: number;
  /** Growth factor per attempt (default 2). */
  factor?: number;
  /** Fraction of each delay that is randomised away, 0..1 (default 0.5), so clients do not reconnect in lockstep. */
  jitter?: number;
  /** Attempts before giving up and closing (default unlimited). */
  maxAttempts?: number;
}

export interface PingOptions {
  /** Milliseconds between pings (default 10 000). */
  interval?: number;
  /** Milliseconds a ping may take before the socket is declared dead and replaced (default half the interval, at most the interval). */
  timeout?: number;
}

export interface ConnectOptions {
  namespace?: string;
  database?: string;
  auth?: Auth;
  /** Default per-call timeout in ms (default 30 000); each call may pass its own. */
  timeout?: number;
  /** Milliseconds a socket may take to open, and each call that sets its session up again (default 10 000). */
  connectTimeout?: number;
  /** Reconnect after an unexpected disconnect (default on); `false` to stay closed. */
  reconnect?: ReconnectOptions | false;
  /** Liveness pings (default on); `false` to send none. */
  ping?: PingOptions | false;
  /**
   * A call made while the socket is down: `'wait'` (default) queues it until the connection is
   * back (bounded by `waitTimeout`, then by its own timeout); `'fail'` rejects it at once with a
   * `ConnectionError`.
   */
  whenDisconnected?: 'wait' | 'fail';
  /** Longest a call waits for a reconnect under `whenDisconnected: 'wait'` (default: the call's timeout). */
  waitTimeout?: number;
  /** Sees every request once it settles (method, duration, outcome); never its params. */
  diagnostics?: DiagnosticsHook;
  /** WebSocket implementation; default the global `WebSocket`, else `ws` (Node 20) through isomorphic-ws. */
  WebSocket?: WebSocketConstructor;
}

export interface ResolvedReconnect {
  initialDelay: number;
  maxDelay: number;
  factor: number;
  jitter: number;
  maxAttempts: number;
}

export interface ResolvedOptions {
  namespace: string | undefined;
  database: string | undefined;
  auth: Auth | undefined;
  timeout: number;
  connectTimeout: number;
  reconnect: ResolvedReconnect | false;
  ping: { interval: number; timeout: number } | false;
  whenDisconnected: 'wait' | 'fail';
  waitTimeout: number | undefined;
  diagnostics: DiagnosticsHook | undefined;
  WebSocket: WebSocketConstructor | undefined;
}

export function resolveOptions(options: ConnectOptions = {}): ResolvedOptions {
  const timeout = duration('timeout', options.timeout, 30_000);
  const ping = options.ping === false ? false : resolvePing(options.ping ?? {});
  const { whenDisconnected = 'wait' } = options;
  if (whenDisconnected !== 'wait' && whenDisconnected !== 'fail') {
    throw new TypeError(`connect: whenDisconnected must be 'wait' or 'fail', not ${JSON.stringify(whenDisconnected)}`);
  }
  if (options.diagnostics !== undefined && typeof options.diagnostics !== 'function') throw new TypeError('connect: diagnostics must be a function');
  for (const name of ['namespace', 'database'] as const) {
    const value = options[name];
    if (value !== undefined && (typeof value !== 'string' || value === '')) throw new TypeError(`connect: ${name} must be a non-empty string`);
  }
  return {
    namespace: options.namespace,
    database: options.database,
    auth: options.auth,
    timeout,
    connectTimeout: duration('connectTimeout', options.connectTimeout, 10_000),
    reconnect: options.reconnect === false ? false : resolveReconnect(options.reconnect ?? {}),
    ping,
    whenDisconnected,
    waitTimeout: options.waitTimeout === undefined ? undefined : duration('waitTimeout', options.waitTimeout, 0),
    diagnostics: options.diagnostics,
    WebSocket: options.WebSocket,
  };
}

function resolveReconnect(options: ReconnectOptions): ResolvedReconnect {
  const jitter = options.jitter ?? 0.5;
  if (!(jitter >= 0 && jitter <= 1)) throw new TypeError('connect: reconnect.jitter must be between 0 and 1');
  const factor = options.factor ?? 2;
  if (!(factor >= 1)) throw new TypeError('connect: reconnect.factor must be at least 1');
  const initialDelay = duration('reconnect.initialDelay', options.initialDelay, 100);
  return {
    initialDelay,
    maxDelay: Math.max(initialDelay, duration('reconnect.maxDelay', options.maxDelay, 10_000)),
    factor,
    jitter,
    maxAttempts: count('reconnect.maxAttempts', options.maxAttempts, Infinity),
  };
}

function resolvePing(options: PingOptions): { interval: number; timeout: number } {
  const interval = duration('ping.interval', options.interval, 10_000);
  if (interval === 0 || interval === Infinity) throw new TypeError('connect: ping.interval must be a positive finite number of ms (or pass ping: false)');
  // A pong deadline longer than the interval would let a dead socket live past two intervals.
  return { interval, timeout: Math.min(interval, duration('ping.timeout', options.timeout, Math.max(1, Math.floor(interval / 2)))) };
}

function duration(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) throw new TypeError(`connect: ${name} must be a number of milliseconds >= 0`);
  return value;
}

function count(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0) || (Number.isFinite(value) && !Number.isInteger(value))) {
    throw new TypeError(`connect: ${name} must be a whole number >= 0`);
  }
  return value;
}
