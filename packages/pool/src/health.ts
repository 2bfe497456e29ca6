/**
 * @module The pool's health check, run every `healthCheckInterval`: endpoints marked down are
 * tried again once their backoff is over, and every idle member is pinged (a dead one is closed,
 * its endpoint marked down, and a new member opened in its place).
 */
import { TimeoutError } from '@sdb/protocol';
import type { Members } from './members.ts';
import type { PoolMember } from './member.ts';
import type { ResolvedOptions } from './options.ts';
import { load } from './strategy.ts';

/** Pings every idle member (a dead one is replaced) and tries endpoints marked down whose backoff is over. */
export function checkHealth<M extends PoolMember>(members: Members<M>, options: ResolvedOptions<M>): void {
  // Endpoints first: a full pool makes room for one by closing an idle member, which must not be mid-ping.
  const now = Date.now();
  for (const endpoint of members.endpoints) {
    if (endpoint.healthy || !endpoint.usable(now)) continue;
    // A full pool makes room on the busiest endpoint, so that traffic comes back to this one.
    if (members.size() >= options.max) {
      const spare = members.idleMembers().sort((a, b) => load(b.endpoint) - load(a.endpoint))[0];
      if (!spare) continue;
      void members.remove(spare);
    }
    members.grow(endpoint);
  }
  members.fill();
  const timeout = options.healthCheckTimeout;
  for (const member of members.checkOutIdle()) {
    withDeadline(member.client.ping({ timeout }), timeout).then(
      () => members.checkedIn(member),
      (error: unknown) => members.remove(member, error),
    );
  }
}

/** `promise`, or a `TimeoutError` after `ms`: a health check must end even if the member ignores its timeout. */
function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`The health check got no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
