/**
 * @module `connect` options, their defaults, and their validation (bad values fail at `connect`
 * with an `InvalidOptionError` that names the option, never later on first use; the checks
 * themselves are @sdb/protocol's, shared by every transport).
 */
import type { Auth, DiagnosticsHook } from '@sdb/protocol';
import {
  DEFAULT_TIMEOUT,
  byteLimitOption,
  choiceOption,
  countOption,
  delayOption,
  functionOption,
  invalidOption,
  nameOption,
  timeoutOption,
  tlsOption,
  type TlsOptions,
} from '@sdb/protocol/transport';
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
  /** Milliseconds (> 0) a ping may take before the socket is declared dead and replaced (default half the interval, at most the interval). */
  timeout?: number;
}

export interface ConnectOptions {
  namespace?: string;
  database?: string;
  auth?: Auth;
  /** Default per-call timeout in ms (default 30 000; `Infinity` for none, `0` is refused); each call may pass its own. */
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
  /**
   * Node only: `{ ca }`, the PEM certificate authorities to trust for `wss://` instead of the
   * system's (e.g. a server's self-signed certificate). The socket is then `ws`'s, which takes
   * them; browsers always use their own trust store.
   */
  tls?: TlsOptions;
  /**
   * Largest frame in bytes, both ways (default `Infinity`): a request whose frame is larger is
   * refused with a `FrameTooLargeError` before anything is sent; a larger frame from the server
   * closes the socket (its calls reject with `ConnectionClosedError`, and the client reconnects).
   */
  maxFrameBytes?: number;
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
  tls: TlsOptions | undefined;
  maxFrameBytes: number;
}

const WHERE = 'connect';

export function resolveOptions(options: ConnectOptions = {}): ResolvedOptions {
  const timeout = timeoutOption(WHERE, 'timeout', options.timeout, DEFAULT_TIMEOUT);
  return {
    namespace: nameOption(WHERE, 'namespace', options.namespace),
    database: nameOption(WHERE, 'database', options.database),
    auth: options.auth,
    timeout,
    connectTimeout: timeoutOption(WHERE, 'connectTimeout', options.connectTimeout, 10_000),
    reconnect: options.reconnect === false ? false : resolveReconnect(options.reconnect ?? {}),
    ping: options.ping === false ? false : resolvePing(options.ping ?? {}),
    whenDisconnected: choiceOption(WHERE, 'whenDisconnected', options.whenDisconnected, ['wait', 'fail']),
    waitTimeout: options.waitTimeout === undefined ? undefined : timeoutOption(WHERE, 'waitTimeout', options.waitTimeout, Infinity),
    diagnostics: functionOption(WHERE, 'diagnostics', options.diagnostics),
    WebSocket: functionOption(WHERE, 'WebSocket', options.WebSocket),
    tls: tlsOption(WHERE, options.tls),
    maxFrameBytes: byteLimitOption(WHERE, 'maxFrameBytes', options.maxFrameBytes, Infinity),
  };
}

function resolveReconnect(options: ReconnectOptions): ResolvedReconnect {
  const jitter = options.jitter ?? 0.5;
  if (!(jitter >= 0 && jitter <= 1)) throw invalidOption(WHERE, 'reconnect.jitter', 'be between 0 and 1');
  const factor = options.factor ?? 2;
  if (!(factor >= 1)) throw invalidOption(WHERE, 'reconnect.factor', 'be at least 1');
  const initialDelay = delayOption(WHERE, 'reconnect.initialDelay', options.initialDelay, 100);
  return {
    initialDelay,
    maxDelay: Math.max(initialDelay, delayOption(WHERE, 'reconnect.maxDelay', options.maxDelay, 10_000)),
    factor,
    jitter,
    maxAttempts: countOption(WHERE, 'reconnect.maxAttempts', options.maxAttempts, Infinity),
  };
}

function resolvePing(options: PingOptions): { interval: number; timeout: number } {
  const interval = delayOption(WHERE, 'ping.interval', options.interval, 10_000);
  if (interval === 0) throw invalidOption(WHERE, 'ping.interval', 'be a positive finite number of ms (or pass ping: false)');
  // A pong deadline longer than the interval would let a dead socket live past two intervals.
  return { interval, timeout: Math.min(interval, timeoutOption(WHERE, 'ping.timeout', options.timeout, Math.max(1, Math.floor(interval / 2)))) };
}
