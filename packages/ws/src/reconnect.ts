/**
 * @module Reconnect delays: exponential backoff with a cap and jitter, so a fleet of clients that
 * lost the same server does not come back in lockstep.
 */
import type { ResolvedReconnect } from './options.ts';

/** The delay before reconnect attempt `attempt` (0-based): `initial * factor^attempt`, capped, minus up to `jitter` of it at random. */
export function backoffDelay(options: ResolvedReconnect, attempt: number, random: () => number = Math.random): number {
  const capped = Math.min(options.maxDelay, options.initialDelay * options.factor ** attempt);
  return Math.round(capped * (1 - options.jitter * random()));
}
