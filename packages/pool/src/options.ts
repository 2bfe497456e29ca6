/**
 * @module `createPool` options, their defaults, and their validation: a bad value fails at
 * `createPool` with a `ConfigurationError` that names the option, never later on first use.
 */
import { ConfigurationError } from '@sdb/protocol';

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

export function resolveOptions<M>(options: PoolOptions<M>): ResolvedOptions<M> {
  if (typeof options !== 'object' || options === null) throw invalidOption('options', 'createPool needs an options object');
  const { endpoints, connect, strategy = 'least-busy' } = options;
  if (!Array.isArray(endpoints) || endpoints.length === 0) throw invalidOption('endpoints', 'endpoints must be a non-empty array of URLs');
  const urls = endpoints.map((endpoint, index) => {
    const url = typeof endpoint === 'string' ? endpoint : endpoint instanceof URL ? endpoint.href : undefined;
    if (!url || !URL.canParse(url)) throw invalidOption(`endpoints[${index}]`, `endpoints[${index}] must be a URL`);
    return url;
  });
  if (new Set(urls).size !== urls.length) throw invalidOption('endpoints', 'endpoints must not repeat a URL');
  if (typeof connect !== 'function') throw invalidOption('connect', 'connect must be a function (url) => Promise<client>');
  if (strategy !== 'least-busy' && strategy !== 'round-robin') {
    throw invalidOption('strategy', `strategy must be 'least-busy' or 'round-robin', not ${JSON.stringify(strategy)}`);
  }
  const max = count('max', options.max, 10, 1);
  const min = count('min', options.min, 0, 0);
  if (min > max) throw invalidOption('min', `min (${min}) must not exceed max (${max})`);
  const healthCheckInterval = delay('healthCheckInterval', options.healthCheckInterval, 5_000, { infinite: true });
  const backoff = options.backoff ?? {};
  if (typeof backoff !== 'object' || backoff === null) throw invalidOption('backoff', 'backoff must be an object');
  const initialDelay = delay('backoff.initialDelay', backoff.initialDelay, 250);
  return {
    endpoints: urls,
    connect,
    min,
    max,
    acquireTimeout: delay('acquireTimeout', options.acquireTimeout, 10_000),
    idleTimeout: delay('idleTimeout', options.idleTimeout, 30_000, { infinite: true }),
    healthCheckInterval,
    healthCheckTimeout: delay('healthCheckTimeout', options.healthCheckTimeout, 2_000),
    strategy,
    backoff: { initialDelay, maxDelay: Math.max(initialDelay, delay('backoff.maxDelay', backoff.maxDelay, 10_000)) },
  };
}

/** A whole number of at least `least`. */
function count(name: string, value: unknown, fallback: number, least: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < least) throw invalidOption(name, `${name} must be a whole number >= ${least}`);
  return value;
}

/** A positive number of milliseconds, finite unless `infinite` allows `Infinity`. */
function delay(name: string, value: unknown, fallback: number, { infinite = false } = {}): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0) || (!infinite && value === Infinity)) {
    throw invalidOption(name, `${name} must be a number of milliseconds > 0${infinite ? ' (or Infinity)' : ''}`);
  }
  return value;
}

function invalidOption(option: string, message: string): ConfigurationError {
  return new ConfigurationError({ code: -32000, kind: 'Configuration', message: `createPool: ${message}`, details: { option } });
}
