/**
 * @module Which endpoint serves next, by the pool's strategy: `least-busy` takes an idle member
 * where the fewest members are busy and opens a new one where the fewest are open; `round-robin`
 * takes the endpoints in turn.
 */
import type { Endpoint } from './endpoint.ts';
import type { PoolStrategy } from './options.ts';

export class EndpointChooser {
  /** Round-robin: the index (modulo the endpoint count) of the endpoint whose turn it is. */
  #turn = 0;

  constructor(
    readonly endpoints: readonly Endpoint[],
    readonly strategy: PoolStrategy,
  ) {}

  /** The endpoint to take an idle member from, among those `hasIdle`; `took` passes the turn once it gave one. */
  forIdle(hasIdle: (endpoint: Endpoint) => boolean): Endpoint | undefined {
    const roundRobin = this.strategy === 'round-robin';
    let best: Endpoint | undefined;
    for (const endpoint of this.endpoints) {
      if (!hasIdle(endpoint)) continue;
      if (!best || (roundRobin ? this.#distance(endpoint) < this.#distance(best) : endpoint.busy < best.busy)) best = endpoint;
    }
    return best;
  }

  /** The endpoint for a new member: one that may be connected to now. */
  forNew(now: number): Endpoint | undefined {
    let best: Endpoint | undefined;
    for (const endpoint of this.endpoints) {
      if (!endpoint.usable(now)) continue;
      if (!best) best = endpoint;
      else if (this.strategy === 'round-robin' ? this.#distance(endpoint) < this.#distance(best) : load(endpoint) < load(best)) best = endpoint;
    }
    if (best) this.took(best);
    return best;
  }

  /** Round-robin: the turn passes to the endpoint after `endpoint`. */
  took(endpoint: Endpoint): void {
    if (this.strategy === 'round-robin') this.#turn = this.endpoints.indexOf(endpoint) + 1;
  }

  /** How many turns until `endpoint` is next, round-robin. */
  #distance(endpoint: Endpoint): number {
    const count = this.endpoints.length;
    return (this.endpoints.indexOf(endpoint) - (this.#turn % count) + count) % count;
  }
}

/** Members on an endpoint, open or being opened: least-busy opens the next one where there are fewest. */
export function load(endpoint: Endpoint): number {
  return endpoint.members + endpoint.connecting;
}
