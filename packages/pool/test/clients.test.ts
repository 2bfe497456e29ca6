import { connect as connectHttp } from '@sdb/http';
import { RecordId } from '@sdb/protocol';
import { create, eq, run, select } from '@sdb/ql';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createPool } from '../src/index.ts';
import { surrealdb, threeEndpoints, uniqueScope, wsMember, type Endpoint } from './support.ts';

let endpoints: Endpoint[];
let pools: { close(): Promise<void> }[] = [];

beforeEach(async () => {
  endpoints = await threeEndpoints();
});

afterEach(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
  pools = [];
  await Promise.all(endpoints.map((endpoint) => endpoint.down()));
});

test('@sdb/ql runs its statements on the pool: the pool satisfies the client contract', async () => {
  const pool = createPool({ endpoints: endpoints.map((endpoint) => endpoint.url), connect: wsMember(uniqueScope('pool')) });
  pools.push(pool);
  await pool.query('DEFINE TABLE person');
  await run(pool, create<{ name: string }>(new RecordId('person', 'grace')).content({ name: 'Grace' }));
  const rows = await run(pool, select<{ name: string }>('person').fields('name').where(eq('name', 'Grace')));
  expect(rows).toEqual([{ name: 'Grace' }]);
});

test('a pool of @sdb/http clients over three endpoints sees one datastore', async () => {
  const { user, pass } = surrealdb();
  const scope = uniqueScope('pool');
  const pool = createPool({
    endpoints: endpoints.map((endpoint) => endpoint.httpUrl),
    connect: (url) => connectHttp(url, { ...scope, auth: { username: user, password: pass } }),
    max: 3,
  });
  pools.push(pool);
  await pool.query('DEFINE TABLE hit');
  // Each write outlasts a member's connect (even on a loaded machine), so all 3 members are busy at once.
  await Promise.all(Array.from({ length: 9 }, (_, n) => pool.queryAll('CREATE hit SET n = $n; SLEEP 200ms', { n })));
  expect(pool.stats().endpoints.map((endpoint) => endpoint.members)).toEqual([1, 1, 1]);
  expect(await pool.queryAll('SELECT VALUE n FROM hit ORDER BY n')).toEqual([[0, 1, 2, 3, 4, 5, 6, 7, 8]]);
});

test('a pool of @sdb/http clients routes reads around an endpoint that went down', async () => {
  const { user, pass } = surrealdb();
  const pool = createPool({
    endpoints: endpoints.map((endpoint) => endpoint.httpUrl),
    connect: (url) => connectHttp(url, { ...uniqueScope('pool'), auth: { username: user, password: pass } }),
    min: 3,
    max: 3,
    healthCheckInterval: 60_000,
  });
  pools.push(pool);
  await Promise.all(Array.from({ length: 3 }, () => pool.version()));
  await endpoints[0]!.down();
  const versions = await Promise.all(Array.from({ length: 9 }, () => pool.version()));
  expect(versions).toEqual(Array.from({ length: 9 }, () => expect.stringMatching(/^surrealdb-3/)));
  expect(pool.stats().endpoints[0]).toMatchObject({ healthy: false, members: 0 });
});
