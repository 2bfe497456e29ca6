/**
 * The ORM on a pool: a @sdb/pool of @sdb/ws clients is a client of the contract, so models,
 * querysets and instances run on it unchanged, and an interactive transaction runs on a lease.
 */
import { createPool, type Pool } from '@sdb/pool';
import { connect, type WsClient } from '@sdb/ws';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { surrealdb, uniqueScope } from '../../embedded/test-support/index.ts';
import { Count, configure, f, model, pushSchema, transaction } from '../src/index.ts';

const Task = model('task', { title: f.string(), done: f.bool().default(false), points: f.int().default(1) });

let pool: Pool<WsClient>;

beforeAll(async () => {
  const server = surrealdb();
  const scope = uniqueScope('orm_pool');
  pool = createPool({
    endpoints: [server.url],
    connect: (url) => connect(url, { ...scope, auth: { username: server.user, password: server.pass }, reconnect: false }),
    max: 4,
  });
  configure({ default: pool });
  await pushSchema([Task]);
});

afterAll(() => pool.close());

test('creates, filters, updates and aggregates through a pool, many calls at once', async () => {
  await Promise.all(Array.from({ length: 12 }, (_, i) => Task.objects.create({ title: `t${i}`, points: i })));
  expect(await Task.objects.filter({ points__gte: 6 }).count()).toBe(6);
  expect(await Task.objects.filter({ title__in: ['t1', 't2'] }).update({ done: true })).toBe(2);
  expect(await Task.objects.filter({ done: true }).orderBy('title').valuesList('title', { flat: true })).toEqual(['t1', 't2']);
  expect(await Task.objects.aggregate({ n: Count() })).toEqual({ n: 12 });
  expect(pool.stats().size).toBeGreaterThan(1);
});

test('an instance saved through the pool writes its changed fields', async () => {
  const task = await Task.objects.create({ title: 'rename me' });
  task.title = 'renamed';
  await task.save();
  expect(await Task.objects.get({ id: task.id })).toMatchObject({ title: 'renamed', done: false });
});

test('an interactive transaction runs on a lease: a throw leaves nothing written', async () => {
  {
    await using lease = await pool.acquire();
    await expect(
      transaction(
        async (tx) => {
          await Task.objects.using(tx).create({ title: 'never' });
          throw new Error('changed my mind');
        },
        { using: lease.client },
      ),
    ).rejects.toThrow('changed my mind');
    await transaction((tx) => Task.objects.using(tx).create({ title: 'kept' }).then(() => undefined), { using: lease.client });
  }
  expect(await Task.objects.filter({ title__in: ['never', 'kept'] }).valuesList('title', { flat: true })).toEqual(['kept']);
});
