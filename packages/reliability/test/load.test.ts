/**
 * Load: many RPCs over one @sdb/ws client and over an @sdb/pool, up to 256 in flight. Every call
 * asks the server for a value derived from its own argument, so a reply given to the wrong caller
 * is a mismatch; every call must settle within a deadline; and the heap after a forced GC must be
 * back within 10% of where it started (no per-request leak).
 */
import { afterAll, expect, test } from 'vitest';
import { createPool } from '@sdb/pool';
import { connect } from '@sdb/ws';
import { recordFigures } from './support/figures.ts';
import { heapAfterGc } from './support/heap.ts';
import { DERIVED_QUERY, runLoad, type LoadOutcome } from './support/load.ts';
import { scaled } from './support/scale.ts';
import { closeAll, rootAuth, surrealdb, track, uniqueScope, wsClient } from './support/servers.ts';

// The pool costs more per call than one socket (a member is picked and released for each), so CI
// holds it to a quarter of the count; SDB_SOAK=1 runs the million on both.
const WS_CALLS = scaled(100_000, 1_000_000);
const POOL_CALLS = scaled(25_000, 1_000_000);
const IN_FLIGHT = 256;
const DEADLINE = 30_000;
const WARM_UP = 5_000;

afterAll(closeAll);

/** Warms `call` up, then runs the load between two heap measurements. */
async function measured(count: number, call: (n: number) => Promise<unknown>): Promise<{ outcome: LoadOutcome; heapBefore: number; heapAfter: number }> {
  await runLoad(call, { count: WARM_UP, inFlight: IN_FLIGHT, deadline: DEADLINE });
  const heapBefore = heapAfterGc();
  const outcome = await runLoad(call, { count, inFlight: IN_FLIGHT, deadline: DEADLINE });
  return { outcome, heapBefore, heapAfter: heapAfterGc() };
}

function expectHeld(count: number, { outcome, heapBefore, heapAfter }: Awaited<ReturnType<typeof measured>>): void {
  expect(outcome).toMatchObject({ calls: count, matched: count, mismatched: 0, failed: 0, hung: 0 });
  expect(outcome.maxInFlight).toBe(IN_FLIGHT);
  expect(heapAfter).toBeLessThan(heapBefore * 1.1);
}

function figures(outcome: LoadOutcome, heapBefore: number, heapAfter: number) {
  return {
    'calls held': outcome.calls,
    'max in flight': outcome.maxInFlight,
    mismatches: outcome.mismatched,
    hangs: outcome.hung,
    'calls per second': Math.round((outcome.calls / outcome.ms) * 1000),
    'heap change after GC (%)': Number((((heapAfter - heapBefore) / heapBefore) * 100).toFixed(2)),
  };
}

test(`@sdb/ws: ${WS_CALLS.toLocaleString('en-US')} calls, ${IN_FLIGHT} in flight: every reply matched to its call, none hung, heap back within 10%`, async () => {
  const db = await wsClient();
  const run = await measured(WS_CALLS, async (n) => (await db.queryAll<[number]>(DERIVED_QUERY, { n }))[0]);
  expectHeld(WS_CALLS, run);
  recordFigures('load-ws', figures(run.outcome, run.heapBefore, run.heapAfter));
});

test(`@sdb/pool of 4 @sdb/ws members: ${POOL_CALLS.toLocaleString('en-US')} calls, ${IN_FLIGHT} in flight: every reply matched, none hung, heap back within 10%`, async () => {
  const scope = uniqueScope('rel_pool');
  const { url } = surrealdb();
  const pool = track(createPool({ endpoints: [url], max: 4, connect: (endpoint) => connect(endpoint, { ...scope, auth: rootAuth() }) }));
  const run = await measured(POOL_CALLS, async (n) => (await pool.queryAll<[number]>(DERIVED_QUERY, { n }))[0]);
  expectHeld(POOL_CALLS, run);
  recordFigures('load-pool', figures(run.outcome, run.heapBefore, run.heapAfter));
});
