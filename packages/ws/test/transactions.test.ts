/**
 * `transaction(fn)`: commit on success, cancel on throw (nothing remains), and retries after a
 * write conflict.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { RecordId, Table } from '@sdb/protocol';
import { isTransactionConflict, type WsClient } from '../src/index.ts';
import { connectRoot, surrealdb } from './support.ts';

let db: WsClient;
let namespace: string;
let database: string;
beforeAll(async () => {
  ({ db, namespace, database } = await connectRoot());
  await db.queryAll('DEFINE TABLE account SCHEMALESS; DEFINE TABLE counter SCHEMALESS');
});
afterAll(() => db.close());

test('a transaction that returns commits its writes and answers its value', async () => {
  const value = await db.transaction(async (tx) => {
    await tx.create(new RecordId('account', 'a'), { balance: 100 });
    await tx.create(new RecordId('account', 'b'), { balance: 0 });
    return 'done';
  });
  expect(value).toBe('done');
  expect(await db.select(new Table('account'))).toHaveLength(2);
});

test('a transaction that throws is cancelled: nothing it wrote remains, and the error comes through', async () => {
  const failure = new Error('insufficient funds');
  await expect(
    db.transaction(async (tx) => {
      await tx.merge(new RecordId('account', 'a'), { balance: 0 });
      await tx.create(new RecordId('account', 'c'), { balance: 100 });
      throw failure;
    }),
  ).rejects.toBe(failure);
  expect(await db.select(new RecordId('account', 'a'))).toMatchObject({ balance: 100 });
  expect(await db.select(new RecordId('account', 'c'))).toBeUndefined();
});

test('writes inside an open transaction are not visible outside it until commit', async () => {
  await db.transaction(async (tx) => {
    await tx.create(new RecordId('account', 'pending'), { balance: 1 });
    expect(await db.select(new RecordId('account', 'pending'))).toBeUndefined();
    expect(await tx.select(new RecordId('account', 'pending'))).toMatchObject({ balance: 1 });
  });
  expect(await db.select(new RecordId('account', 'pending'))).toMatchObject({ balance: 1 });
});

test('a write conflict is recognised, and with retries both transactions land', async () => {
  await db.create(new RecordId('counter', 1), { n: 0 });
  let attempts = 0;
  let release!: () => void;
  const bothWrote = new Promise<void>((resolve) => (release = resolve));
  let writers = 0;
  const conflicts: unknown[] = [];
  const increment = () =>
    db.transaction(
      async (tx) => {
        attempts++;
        await tx.query('UPDATE counter:1 SET n += 1');
        // First round: hold both transactions open until both wrote, so their commits conflict.
        if (++writers === 2) release();
        if (writers <= 2) await bothWrote;
      },
      { retries: 3 },
    ).catch((error: unknown) => {
      conflicts.push(error);
      throw error;
    });
  await Promise.all([increment(), increment()]);
  expect(conflicts).toEqual([]);
  expect(attempts).toBeGreaterThanOrEqual(3);
  expect(await db.select(new RecordId('counter', 1))).toMatchObject({ n: 2 });
});

test('without retries the conflict reaches the caller, recognisably', async () => {
  await db.create(new RecordId('counter', 2), { n: 0 });
  const txA = await db.begin();
  const txB = await db.begin();
  await db.query('UPDATE counter:2 SET n += 1', undefined, { txn: txA });
  await db.query('UPDATE counter:2 SET n += 1', undefined, { txn: txB });
  await db.commit(txA);
  const error = await db.commit(txB).catch((caught: unknown) => caught);
  expect(isTransactionConflict(error)).toBe(true);
  expect(isTransactionConflict(new Error('permission denied'))).toBe(false);
});

test('a transaction in a session runs in that session', async () => {
  const session = await db.session({ namespace, database, auth: { username: surrealdb().user, password: surrealdb().pass } });
  try {
    await session.let('who', 'session');
    const who = await session.transaction((tx) => tx.queryAll<[string]>('RETURN $who'));
    expect(who).toEqual(['session']);
  } finally {
    await session.close();
  }
});
