import { RecordId, Table } from '@sdb/protocol';
import { expect, test } from 'vitest';
import { poolPerTest, until } from './support.ts';

const fixture = poolPerTest();
const { open } = fixture;

test('the pool is a client: query, queryAll and the record methods run on some member', async () => {
  const pool = open();
  await pool.query('DEFINE TABLE person');
  await pool.create(new RecordId('person', 'ada'), { name: 'Ada' });
  expect(await pool.select(new RecordId('person', 'ada'))).toEqual({ id: new RecordId('person', 'ada'), name: 'Ada' });
  expect(await pool.queryAll<[number]>('RETURN $x + 1', { x: 41 })).toEqual([42]);
  expect(await pool.select(new Table('person'))).toHaveLength(1);
  expect(await pool.version()).toMatch(/^surrealdb-3/);
});

test('members are opened lazily, one per call in flight, up to max', async () => {
  const pool = open({ max: 4 });
  expect(pool.stats().size).toBe(0);
  await pool.query('RETURN 1');
  expect(pool.stats()).toMatchObject({ size: 1, idle: 1, busy: 0, waiting: 0 });
  // Each call outlasts a member's connect (even on a loaded machine), so all 4 are busy at once.
  await Promise.all(Array.from({ length: 10 }, () => pool.query('SLEEP 300ms')));
  expect(pool.stats().size).toBe(4);
});

test('calls beyond max wait in line, and stats count them', async () => {
  const pool = open({ max: 2 });
  const leases = await Promise.all([pool.acquire(), pool.acquire()]);
  const calls = Array.from({ length: 3 }, () => pool.queryAll('RETURN 1'));
  expect(pool.stats()).toMatchObject({ size: 2, idle: 0, busy: 2, waiting: 3 });
  await Promise.all(leases.map((lease) => lease.release()));
  expect(await Promise.all(calls)).toEqual([[1], [1], [1]]);
  expect(pool.stats()).toMatchObject({ size: 2, idle: 2, busy: 0, waiting: 0 });
});

test('min members are opened at once and kept warm across the endpoints', async () => {
  const pool = open({ min: 3, max: 6 });
  await until(() => pool.stats().idle === 3, 10_000, 'three warm members');
  expect(pool.stats().endpoints.map((endpoint) => endpoint.members)).toEqual([1, 1, 1]);
});

test('an idle member above min is closed after idleTimeout', async () => {
  const pool = open({ min: 1, max: 4, idleTimeout: 200 });
  const leases = await Promise.all(Array.from({ length: 4 }, () => pool.acquire()));
  await Promise.all(leases.map((lease) => lease.release()));
  expect(pool.stats()).toMatchObject({ size: 4, idle: 4 });
  await until(() => pool.stats().size === 1, 5_000, 'eviction down to min');
  expect(await pool.queryAll('RETURN 1')).toEqual([1]);
});

test('least-busy spreads members over the endpoints', async () => {
  const pool = open({ max: 6 });
  const leases = await Promise.all(Array.from({ length: 6 }, () => pool.acquire()));
  expect(pool.stats().endpoints.map((endpoint) => endpoint.members)).toEqual([2, 2, 2]);
  await Promise.all(leases.map((lease) => lease.release()));
});

test('round-robin takes the endpoints in turn', async () => {
  const pool = open({ min: 3, max: 3, strategy: 'round-robin' });
  await until(() => pool.stats().idle === 3, 10_000, 'three warm members');
  const before = fixture.endpoints.map((endpoint) => endpoint.connections);
  const served: string[] = [];
  for (let i = 0; i < 6; i++) {
    await using lease = await pool.acquire();
    served.push(lease.client.url);
  }
  expect(fixture.endpoints.map((endpoint) => endpoint.connections)).toEqual(before);
  expect(served.slice(0, 3).sort()).toEqual(fixture.endpoints.map((endpoint) => endpoint.url).sort());
  expect(served.slice(3)).toEqual(served.slice(0, 3));
});
