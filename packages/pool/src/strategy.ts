/**
 * @module Which endpoint serves next, by the pool's strategy: `least-busy` takes an idle member
 * where the fewest members are busy and opens a new one where the fewest are open; `round-robin`
 * takes the endpoints in turn, starting at the index `turn` (modulo their count).
 */
import type { Endpoint } from './endpoint.ts';

/** The endpoint to take an idle member from, among those `hasIdle`. */
export function endpointForIdle(endpoints: readonly Endpoint[], roundRobin: boolean, turn: number, hasIdle: (endpoint: Endpoint) => boolean): Endpoint | undefined {
  let best: Endpoint | undefined;
  for (const endpoint of endpoints) {
    if (!hasIdle(endpoint)) continue;
    if (!best || (roundRobin ? distance(endpoints, turn, endpoint) < distance(endpoints, turn, best) : endpoint.busy < best.busy)) best = endpoint;
  }
  return best;
}

/** The endpoint for a new member: one that may be connected to now. */
export function endpointForNew(endpoints: readonly Endpoint[], roundRobin: boolean, turn: number, now: number): Endpoint | undefined {
  let best: Endpoint | undefined;
  for (const endpoint of endpoints) {
    if (!endpoint.usable(now)) continue;
    if (!best) best = endpoint;
    else if (roundRobin ? distance(endpoints, turn, endpoint) < distance(endpoints, turn, best) : load(endpoint) < load(best)) best = endpoint;
  }
  return best;
}

/** Members on an endpoint, open or being opened: least-busy opens the next one where there are fewest. */
export function load(endpoint: Endpoint): number {
  return endpoint.members + endpoint.connecting;
}

/** How many turns until `endpoint` is next, round-robin. */
function distance(endpoints: readonly Endpoint[], turn: number, endpoint: Endpoint): number {
  const count = endpoints.length;
  return (endpoints.indexOf(endpoint) - (turn % count) + count) % count;
}
