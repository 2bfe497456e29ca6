import { ConnectionError, SdbError, Table } from '@sdb/protocol';
import type { WsClient } from '@sdb/ws';
import { expect, test } from 'vitest';
import { NoHealthyEndpointError, type Pool } from '../src/index.ts';
import { type Endpoint, poolPerTest, sleep, until } from './support.ts';

const fixture = poolPerTest();
const { open } = fixture;

/** The endpoint the pool's only member is on. */
function endpointOfOnlyMember(pool: Pool<WsClient>): Endpoint {
  const index = pool.stats().endpoints.findIndex((endpoint) => endpoint.members === 1);
  return fixture.endpoints[index]!;
}

test('one endpoint killed mid-load: every call succeeds or fails typed, no write is lost or run twice, and traffic comes back', async () => {
  const pool = open({ min: 3, max: 6, healthCheckInterval: 100, acquireTimeout: 5_000, backoff: { initialDelay: 50, maxDelay: 200 } });
  await pool.query('DEFINE TABLE item');
  const writes = 600;
  const outcomes: ({ n: number; ok: true } | { n: number; ok: false; error: unknown })[] = [];
  const reads: unknown[] = [];
  let next = 0;
  const worker = async () => {
    while (next < writes) {
      const n = next++;
      if (n === writes / 3) void fixture.endpoints[1]!.down();
      try {
        await pool.create('item', { n });
        outcomes.push({ n, ok: true });
      } catch (error) {
        outcomes.push({ n, ok: false, error });
      }
      if (n % 10 === 0) reads.push(await pool.queryAll('SELECT VALUE n FROM item WHERE n = $n', { n }, { idempotent: true }).catch((error: unknown) => error));
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));

  expect(outcomes).toHaveLength(writes);
  const failed = outcomes.filter((outcome) => !outcome.ok);
  for (const outcome of failed) expect(outcome.error).toBeInstanceOf(ConnectionError);
  // Only writes already sent on the dead endpoint's members can fail; the ones in line go elsewhere.
  expect(failed.length).toBeLessThanOrEqual(6);
  // Reads are retried on another member: none fails.
  expect(reads.filter((read) => read instanceof Error)).toEqual([]);

  const [stored] = await pool.queryAll<[number[]]>('SELECT VALUE n FROM item');
  const times = new Map<number, number>();
  for (const n of stored) times.set(n, (times.get(n) ?? 0) + 1);
  for (const outcome of outcomes) {
    if (outcome.ok) expect(times.get(outcome.n), `write ${outcome.n}`).toBe(1);
    else expect(times.get(outcome.n) ?? 0, `failed write ${outcome.n}`).toBeLessThanOrEqual(1);
  }
  expect(stored.length).toBeLessThanOrEqual(writes);
  expect(pool.stats().endpoints[1]).toMatchObject({ healthy: false, members: 0 });

  await fixture.endpoints[1]!.up();
  await until(() => pool.stats().endpoints[1]!.healthy && pool.stats().endpoints[1]!.members > 0, 10_000, 'the endpoint back in use');
  const forwardedBefore = fixture.endpoints[1]!.forwarded;
  await Promise.all(Array.from({ length: 30 }, () => pool.query('SLEEP 30ms')));
  // Calls reach the server through it again.
  expect(fixture.endpoints[1]!.forwarded).toBeGreaterThan(forwardedBefore);
}, 60_000);

test('a read whose member dies mid-call runs again on another member', async () => {
  const pool = open({ max: 1 });
  await pool.query('RETURN 1');
  const dying = endpointOfOnlyMember(pool);
  const read = pool.queryAll<[null, number]>('SLEEP 300ms; RETURN 7', undefined, { idempotent: true });
  await sleep(100);
  await dying.down();
  expect(await read).toEqual([undefined, 7]);
  expect(endpointOfOnlyMember(pool)).not.toBe(dying);
});

test('a write whose member dies mid-call is not sent again: the caller gets the ConnectionError', async () => {
  const pool = open({ max: 1 });
  await pool.query('DEFINE TABLE item');
  const dying = endpointOfOnlyMember(pool);
  const write = pool.query('SLEEP 300ms; CREATE item SET n = 1').catch((error: unknown) => error);
  await sleep(100);
  await dying.down();
  expect(await write).toBeInstanceOf(ConnectionError);
  await sleep(400);
  // The server may have run it (the request reached it); it ran at most once.
  expect((await pool.select(new Table('item'))).length).toBeLessThanOrEqual(1);
});

test('a dead idle member is found by the health check and replaced on another endpoint', async () => {
  const pool = open({ min: 3, max: 6, healthCheckInterval: 100, backoff: { initialDelay: 5_000 } });
  await until(() => pool.stats().idle === 3, 10_000, 'three warm members');
  await fixture.endpoints[0]!.down();
  await until(() => !pool.stats().endpoints[0]!.healthy, 5_000, 'endpoint 0 marked down');
  await until(() => pool.stats().idle === 3, 5_000, 'three members again');
  expect(pool.stats().endpoints.map((endpoint) => endpoint.members)).toEqual([0, expect.any(Number), expect.any(Number)]);
  expect(pool.stats().endpoints[0]!.failures).toBeGreaterThan(0);
});

test('a member that stops answering fails its health check by its deadline and is replaced elsewhere', async () => {
  const pool = open({ min: 1, max: 1, healthCheckInterval: 100, healthCheckTimeout: 200, backoff: { initialDelay: 5_000 } });
  await until(() => pool.stats().idle === 1, 10_000, 'one warm member');
  const hanging = endpointOfOnlyMember(pool);
  hanging.stalled = true;
  await until(() => pool.stats().endpoints[fixture.endpoints.indexOf(hanging)]!.healthy === false, 2_000, 'the hanging endpoint marked down');
  await until(() => pool.stats().idle === 1, 5_000, 'a member again');
  expect(endpointOfOnlyMember(pool)).not.toBe(hanging);
  expect(await pool.queryAll('RETURN 1')).toEqual([1]);
});

test('an endpoint marked down is retried with backoff and used again once it answers', async () => {
  const pool = open({ min: 3, max: 6, healthCheckInterval: 50, backoff: { initialDelay: 50, maxDelay: 100 } });
  await until(() => pool.stats().idle === 3, 10_000, 'three warm members');
  await fixture.endpoints[2]!.down();
  await until(() => !pool.stats().endpoints[2]!.healthy, 5_000, 'endpoint 2 marked down');
  await sleep(300);
  // Retried while down (each attempt refused), not used.
  expect(pool.stats().endpoints[2]).toMatchObject({ healthy: false, members: 0 });
  expect(pool.stats().endpoints[2]!.failures).toBeGreaterThan(1);
  await fixture.endpoints[2]!.up();
  await until(() => pool.stats().endpoints[2]!.healthy && pool.stats().endpoints[2]!.members > 0, 5_000, 'endpoint 2 back');
  expect(pool.stats().endpoints[2]!.failures).toBe(0);
});

test('a whole-cluster outage rejects with NoHealthyEndpointError within acquireTimeout, never hangs', async () => {
  const pool = open({ min: 3, max: 3, acquireTimeout: 800, healthCheckInterval: 100 });
  await until(() => pool.stats().idle === 3, 10_000, 'three warm members');
  await Promise.all(fixture.endpoints.map((endpoint) => endpoint.down()));
  const started = Date.now();
  const calls = Array.from({ length: 8 }, (_, i) => (i % 2 ? pool.version() : pool.create('item', { i })).catch((error: unknown) => error));
  const errors = await Promise.all(calls);
  const elapsed = Date.now() - started;
  for (const error of errors) expect(error).toBeInstanceOf(SdbError);
  // A call already sent on a member that died gets that member's ConnectionError; the others wait, then learn of the outage.
  expect(errors.filter((error) => error instanceof NoHealthyEndpointError).length).toBeGreaterThan(0);
  expect(elapsed).toBeLessThan(800 + 500);
  const outage = errors.find((error) => error instanceof NoHealthyEndpointError) as NoHealthyEndpointError;
  expect(outage.endpoints.map((endpoint) => endpoint.healthy)).toEqual([false, false, false]);
});

test('with every endpoint down from the start, a call fails typed within acquireTimeout, with the connect error as cause', async () => {
  await Promise.all(fixture.endpoints.map((endpoint) => endpoint.down()));
  const pool = open({ acquireTimeout: 500 });
  const started = Date.now();
  const error = await pool.queryAll('RETURN 1').catch((caught: unknown) => caught);
  expect(Date.now() - started).toBeLessThan(500 + 400);
  expect(error).toBeInstanceOf(NoHealthyEndpointError);
  expect((error as NoHealthyEndpointError).cause).toBeInstanceOf(ConnectionError);
  expect((error as NoHealthyEndpointError).message).toContain(fixture.endpoints[0]!.url);
});

test('a read on a member whose server is gone is not lost when another endpoint is up', async () => {
  const pool = open({ min: 3, max: 3, healthCheckInterval: 60_000 });
  await until(() => pool.stats().idle === 3, 10_000, 'three warm members');
  await fixture.endpoints[0]!.down();
  await fixture.endpoints[1]!.down();
  const results = await Promise.all(Array.from({ length: 9 }, () => pool.version()));
  expect(results).toEqual(Array.from({ length: 9 }, () => expect.stringMatching(/^surrealdb-3/)));
  expect(pool.stats().endpoints.map((endpoint) => endpoint.healthy)).toEqual([false, false, true]);
});
