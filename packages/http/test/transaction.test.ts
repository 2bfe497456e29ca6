/**
 * `transaction(fn)` over stateless HTTP: the statements `fn` adds go to the server as one
 * `BEGIN ... COMMIT` query, so they all apply or none does.
 */
import { AlreadyExistsError, RecordId, StatementError, Table, ThrownError } from '@sdb/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HttpClient } from '../src/index.ts';
import { rejection } from '../../protocol/test-support/rejection.ts';
import { rootClient } from './support.ts';

let db: HttpClient;

beforeEach(async () => {
  ({ db } = await rootClient());
  await db.query('DEFINE TABLE account SCHEMALESS');
});

afterEach(async () => {
  await db.close();
});

const alice = new RecordId('account', 'alice');
const bob = new RecordId('account', 'bob');

describe('transaction', () => {
  it('applies every statement and answers one result per statement', async () => {
    const results = await db.transaction((tx) => {
      tx.create(alice, { balance: 100 });
      tx.create(bob, { balance: 0 });
      tx.query('UPDATE $from SET balance -= $amount; UPDATE $to SET balance += $amount', { from: alice, to: bob, amount: 40 });
      tx.query('SELECT balance FROM account ORDER BY balance DESC');
    });
    expect(results).toEqual([[{ id: alice, balance: 100 }], [{ id: bob, balance: 0 }], [{ id: alice, balance: 60 }], [{ id: bob, balance: 40 }], [{ balance: 60 }, { balance: 40 }]]);
  });

  it('a failing statement rolls the whole batch back and rejects with its StatementError', async () => {
    await db.create(bob, { balance: 5 });
    const error = await rejection(
      db.transaction((tx) => {
        tx.create(alice, { balance: 100 });
        tx.create(bob, { balance: 1 }); // already exists
        tx.merge(alice, { touched: true });
      }),
    );
    expect(error).toBeInstanceOf(StatementError);
    expect(error).toMatchObject({ index: 1 });
    expect((error as StatementError).cause).toBeInstanceOf(AlreadyExistsError);
    expect(await db.select(alice)).toBeUndefined();
    expect(await db.select(bob)).toEqual({ id: bob, balance: 5 });
  });

  it('a THROW inside the batch leaves nothing behind', async () => {
    const error = await rejection<StatementError>(
      db.transaction((tx) => {
        tx.insert(new Table('account'), [{ id: alice }, { id: bob }]);
        tx.query('THROW "insufficient funds"');
      }),
    );
    expect(error.cause).toBeInstanceOf(ThrownError);
    expect(error.index).toBe(1);
    expect(await db.select('account')).toEqual([]);
  });

  it('when fn throws, nothing is sent', async () => {
    await expect(
      db.transaction((tx) => {
        tx.create(alice, { balance: 1 });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await db.select('account')).toEqual([]);
  });

  it('upsert, update and delete helpers bind their targets and data', async () => {
    const results = await db.transaction(async (tx) => {
      tx.upsert(alice, { balance: 1 });
      tx.update(alice, { balance: 2 });
      tx.delete(alice);
    });
    expect(results).toEqual([[{ id: alice, balance: 1 }], [{ id: alice, balance: 2 }], []]);
    expect(await db.select('account')).toEqual([]);
  });

  it('refuses one binding name bound to two different values', async () => {
    await expect(
      db.transaction((tx) => {
        tx.query('CREATE $id', { id: alice });
        tx.query('CREATE $id', { id: bob });
      }),
    ).rejects.toThrow(/bound twice/);
  });

  it('an empty transaction sends nothing and answers []', async () => {
    expect(await db.transaction(() => undefined)).toEqual([]);
  });
});
