/**
 * `connectEmbedded`'s `EmbeddedClient`: interactive transactions on the in-process engine
 * (commit on success, cancel on throw), and `close`.
 */
import { ConnectionClosedError, RecordId, RpcTransaction } from '@sdb/protocol';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { connectEmbedded, type EmbeddedClient } from '../src/index.ts';
import { uniqueScope } from '../test-support/index.ts';

let db: EmbeddedClient;

beforeEach(async () => {
  db = await connectEmbedded('mem://');
  await db.use(uniqueScope('embedded_client'));
  await db.query('DEFINE TABLE account SCHEMALESS');
});

afterEach(() => db.close());

const alice = new RecordId('account', 'alice');

it('a transaction that returns commits its writes and answers its value', async () => {
  const value = await db.transaction(async (tx) => {
    expect(tx).toBeInstanceOf(RpcTransaction);
    await tx.create(alice, { balance: 100 });
    return (await tx.select(alice))?.balance;
  });
  expect(value).toBe(100);
  expect(await db.select(alice)).toEqual({ id: alice, balance: 100 });
});

it('a transaction that throws is cancelled: nothing it wrote remains, and the error comes through', async () => {
  const failure = new Error('changed my mind');
  await expect(
    db.transaction(async (tx) => {
      await tx.create(alice, { balance: 100 });
      throw failure;
    }),
  ).rejects.toBe(failure);
  expect(await db.select(alice)).toBeUndefined();
});

it('writes in a transaction are not seen outside it before the commit', async () => {
  await db.transaction(async (tx) => {
    await tx.create(alice, { balance: 1 });
    expect(await db.select(alice)).toBeUndefined();
  });
  expect(await db.select(alice)).toEqual({ id: alice, balance: 1 });
});

it('close ends the client: later calls reject with ConnectionClosedError', async () => {
  await db.close();
  await expect(db.ping()).rejects.toBeInstanceOf(ConnectionClosedError);
});
