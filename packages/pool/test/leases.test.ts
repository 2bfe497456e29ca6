import { ConnectionClosedError, ConnectionError, RecordId } from '@sdb/protocol';
import { expect, test } from 'vitest';
import { PoolClosedError, PoolTimeoutError } from '../src/index.ts';
import { poolPerTest, sleep, until } from './support.ts';

const fixture = poolPerTest();
const { open } = fixture;

test('a lease holds one member for a transaction, and gives it back at the end of its block', async () => {
  const pool = open({ max: 2 });
  await pool.query('DEFINE TABLE account');
  {
    await using lease = await pool.acquire();
    expect(pool.stats()).toMatchObject({ size: 1, busy: 1 });
    await lease.client.transaction(async (tx) => {
      await tx.create(new RecordId('account', 'a'), { balance: 10 });
      await tx.create(new RecordId('account', 'b'), { balance: 5 });
    });
    expect(await lease.queryAll('SELECT VALUE balance FROM account ORDER BY balance')).toEqual([[5, 10]]);
  }
  expect(pool.stats()).toMatchObject({ size: 1, idle: 1, busy: 0 });
});

test('a leased member serves no other call: they use another member', async () => {
  const pool = open({ max: 2 });
  const lease = await pool.acquire();
  await lease.client.let('mine', 1);
  expect(await pool.queryAll('RETURN $mine')).toEqual([undefined]);
  expect(pool.stats().size).toBe(2);
  await lease.discard();
});

test('discard() closes the member instead of giving it back', async () => {
  const pool = open({ max: 2 });
  const lease = await pool.acquire();
  await lease.discard();
  expect(pool.stats().size).toBe(0);
  expect(lease.client.status).toBe('closed');
  await expect(lease.query('RETURN 1')).rejects.toBeInstanceOf(ConnectionClosedError);
});

test('a lease whose member lost its connection closes it on release, instead of giving it back', async () => {
  const pool = open({ max: 1 });
  const lease = await pool.acquire();
  await fixture.endpoints.find((endpoint) => lease.client.url === endpoint.url)!.down();
  await expect(lease.query('RETURN 1')).rejects.toBeInstanceOf(ConnectionError);
  await lease.release();
  expect(pool.stats().size).toBe(0);
  expect(await pool.queryAll('RETURN 1')).toEqual([1]);
});

test('acquire waits at most acquireTimeout while every member is leased, then rejects with PoolTimeoutError', async () => {
  const pool = open({ max: 1, acquireTimeout: 200 });
  const lease = await pool.acquire();
  const started = Date.now();
  await expect(pool.acquire()).rejects.toBeInstanceOf(PoolTimeoutError);
  await expect(pool.query('RETURN 1')).rejects.toBeInstanceOf(PoolTimeoutError);
  expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  expect(pool.stats().waiting).toBe(0);
  await lease.release();
  expect(await pool.queryAll('RETURN 1')).toEqual([1]);
});

test('a released member serves the next call waiting in line', async () => {
  const pool = open({ max: 1 });
  const lease = await pool.acquire();
  const waiting = pool.queryAll('RETURN 2');
  await until(() => pool.stats().waiting === 1, 2_000, 'the call in line');
  await lease.release();
  expect(await waiting).toEqual([2]);
});

test('close() drains: calls in line reject with PoolClosedError, leases end, calls in flight finish, members close', async () => {
  const pool = open({ max: 2 });
  await pool.query('DEFINE TABLE note');
  const lease = await pool.acquire();
  const inFlight = pool.query('SLEEP 200ms; CREATE note SET n = 1');
  await until(() => pool.stats().busy === 2, 2_000, 'two busy members');
  const inLine = [pool.query('RETURN 1'), pool.acquire()].map((call) => call.catch((error: unknown) => error));
  await sleep(20);
  const closing = pool.close();
  const [first, second] = await Promise.all(inLine);
  expect(first).toBeInstanceOf(PoolClosedError);
  expect(second).toBeInstanceOf(PoolClosedError);
  expect(lease.released).toBe(true);
  await closing;
  expect((await inFlight)[1]).toMatchObject({ ok: true });
  expect(pool.stats()).toMatchObject({ size: 0, idle: 0, busy: 0, waiting: 0 });
  expect(lease.client.status).toBe('closed');
  await expect(pool.query('RETURN 1')).rejects.toBeInstanceOf(PoolClosedError);
  await expect(pool.acquire()).rejects.toBeInstanceOf(PoolClosedError);
  await pool.close();
});
