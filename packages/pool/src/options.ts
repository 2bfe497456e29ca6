/**
 * @module `createPool` options, their defaults, and their validation (the checks every sdb
 * transport shares): a bad value fails at `createPool` with an `InvalidOptionError` naming the
 * option, never later on first use.
 */
import { choiceOption, countOption, functionOption, invalidOption, timeoutOption } from '@sdb/protocol/transport';

/** How the pool picks a member (and the endpoint for a new one). */
export type PoolStrategy = 'least-busy' | 'round-robin';

export interface BackoffOptions {
  /** Delay before an endpoint marked down is tried again, in ms (default 250); doubled after each failure in a row. */
  initialDelay?: number;
  /** Upper bound of that delay, in ms (default 10 000). */
  maxDelay?: number;
}

export interface PoolOptions<M> {
  /** The servers, e.g. `['ws://a:8000', 'ws://b:8000']`: all of them in front of one datastore. */
  endpoints: readonly (string | URL)[];
  /** Opens one member on an endpoint: `(url) => connect(url, { namespace, database, auth })`. */
  connect: (url: string) => Promise<M>;
  /** Members kept open even when idle (default 0). */
  min?: number;
  /** Most members open at once, over all endpoints (default 10); each serves one call or one lease at a time. */
  max?: number;
  /** Longest a call or `acquire` waits for a member, in ms (default 10 000), then it rejects typed. */
  acquireTimeout?: number;
  /** An idle member above `min` is closed after this many ms (default 30 000; `Infinity`: never). */
  idleTimeout?: number;
  /** Milliseconds between health checks of idle members and retries of endpoints marked down (default 5 000). */
  healthCheckInterval?: number;
  /** Milliseconds a health check's ping may take before the member is declared dead (default 2 000). */
  healthCheckTimeout?: number;
  /** `'least-busy'` (default): the endpoint with the fewest busy members; `'round-robin'`: endpoints in turn. */
  strategy?: PoolStrategy;
  /** When an endpoint marked down is tried again. */
  backoff?: BackoffOptions;
}

export interface ResolvedOptions<M> {
  endpoints: string[];
  connect: (url: string) => Promise<M>;
  min: number;
  max: number;
  acquireTimeout: number;
  idleTimeout: number;
  healthCheckInterval: number;
  healthCheckTimeout: number;
  strategy: PoolStrategy;
  backoff: { initialDelay: number; maxDelay: number };
}

const WHERE = 'createPool';

export function resolveOptions<M>(options: PoolOptions<M>): ResolvedOptions<M> {
  if (typeof options !== 'object' || options === null) throw invalidOption(WHERE, 'options', 'be an object');
  const { endpoints } = options;
  if (!Array.isArray(endpoints) || endpoints.length === 0) throw invalidOption(WHERE, 'endpoints', 'be a non-empty array of URLs');
  const urls = endpoints.map((endpoint: unknown, index) => {
    const url = typeof endpoint === 'string' ? endpoint : endpoint instanceof URL ? endpoint.href : undefined;
    if (!url || !URL.canParse(url)) throw invalidOption(WHERE, `endpoints[${index}]`, 'be a URL');
    return url;
  });
  if (new Set(urls).size !== urls.length) throw invalidOption(WHERE, 'endpoints', 'not repeat a URL');
  const connect = functionOption(WHERE, 'connect', options.connect);
  if (!connect) throw invalidOption(WHERE, 'connect', 'be a function (url) => Promise<client>');
  const max = countOption(WHERE, 'max', options.max, 10);
  if (max < 1 || max === Infinity) throw invalidOption(WHERE, 'max', `be a whole number >= 1 (got ${max})`);
  const min = countOption(WHERE, 'min', options.min, 0);
  if (min > max) throw invalidOption(WHERE, 'min', `not exceed max (${min} > ${max})`);
  const backoff = options.backoff ?? {};
  if (typeof backoff !== 'object' || backoff === null) throw invalidOption(WHERE, 'backoff', 'be an object');
  const initialDelay = finite('backoff.initialDelay', backoff.initialDelay, 250);
  return {
    endpoints: urls,
    connect,
    min,
    max,
    acquireTimeout: finite('acquireTimeout', options.acquireTimeout, 10_000),
    idleTimeout: timeoutOption(WHERE, 'idleTimeout', options.idleTimeout, 30_000),
    healthCheckInterval: timeoutOption(WHERE, 'healthCheckInterval', options.healthCheckInterval, 5_000),
    healthCheckTimeout: finite('healthCheckTimeout', options.healthCheckTimeout, 2_000),
    strategy: choiceOption(WHERE, 'strategy', options.strategy, ['least-busy', 'round-robin']),
    backoff: { initialDelay, maxDelay: Math.max(initialDelay, finite('backoff.maxDelay', backoff.maxDelay, 10_000)) },
  };
}

/** A number of milliseconds > 0 that is not `Infinity`: a wait the pool itself must end. */
function finite(name: string, value: unknown, fallback: number): number {
  const ms = timeoutOption(WHERE, name, value, fallback);
  if (ms === Infinity) throw invalidOption(WHERE, name, 'be finite: the pool never waits without end');
  return ms;
}
