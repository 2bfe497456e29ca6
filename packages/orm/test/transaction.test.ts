/**
 * `transaction(fn)` on the real engine: interactive over @sdb/ws and the embedded client (a throw
 * leaves nothing written, read back afterwards), refused with a typed error over @sdb/http,
 * where each request is its own session, before anything runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configure, f, model, pushSchema, transaction, TransactionNotSupportedError } from '../src/index.ts';
import { transports, type TestConnection } from './clients.ts';

const Account = model('account', { owner: f.string().unique(), balance: f.int() }, { schemafull: true });

describe.each(['ws', 'embedded'] as const)('transaction() over %s', (transport) => {
  let db: TestConnection;

  beforeAll(async () => {
    db = await transports[transport](`orm_tx_${transport}`);
    configure({ default: db.client });
    await pushSchema([Account]);
  });

  afterAll(() => db?.close());

  it('commits what fn wrote through using(tx) and answers what fn returns', async () => {
    const made = await transaction(async (tx) => {
      const ann = await Account.objects.using(tx).create({ owner: 'ann', balance: 10 });
      await Account.objects.using(tx).create({ owner: 'bob', balance: 5 });
      return ann.owner;
    });
    expect(made).toBe('ann');
    expect(await Account.objects.filter({ owner__in: ['ann', 'bob'] }).orderBy('owner').valuesList('owner', { flat: true })).toEqual(['ann', 'bob']);
  });

  it('sees its own writes inside, and leaves nothing written when fn throws', async () => {
    const failed = transaction(async (tx) => {
      await Account.objects.using(tx).create({ owner: 'carl', balance: 1 });
      await Account.objects.using(tx).filter({ owner: 'ann' }).update({ balance: 0 });
      expect(await Account.objects.using(tx).filter({ owner: 'carl' }).count()).toBe(1);
      throw new Error('changed my mind');
    });
    await expect(failed).rejects.toThrow('changed my mind');
    expect(await Account.objects.filter({ owner: 'carl' }).count()).toBe(0);
    expect((await Account.objects.get({ owner: 'ann' })).balance).toBe(10);
  });

  it('rolls back instance writes made with { using: tx } when a later statement fails on the server', async () => {
    const failed = transaction(async (tx) => {
      const dora = await Account.objects.using(tx).create({ owner: 'dora', balance: 3 });
      dora.balance = 4;
      await dora.save({ using: tx });
      await tx.queryAll('THROW "server says no"');
    });
    await expect(failed).rejects.toThrow('server says no');
    expect(await Account.objects.filter({ owner: 'dora' }).exists()).toBe(false);
  });

  it('runs a bulkUpsert batch inside the transaction (no nested BEGIN), rolled back with it', async () => {
    const failed = transaction(async (tx) => {
      await Account.objects.using(tx).bulkUpsert([{ owner: 'ann', balance: 50 }, { owner: 'gus', balance: 7 }], { key: 'owner' });
      expect(await Account.objects.using(tx).filter({ owner: 'gus' }).count()).toBe(1);
      throw new Error('not today');
    });
    await expect(failed).rejects.toThrow('not today');
    expect(await Account.objects.filter({ owner: 'gus' }).exists()).toBe(false);
    expect((await Account.objects.get({ owner: 'ann' })).balance).toBe(10);
  });

  it('runs on the client given as { using }, and a nested transaction() joins the outer one', async () => {
    configure({});
    await transaction(
      async (tx) => {
        await Account.objects.using(tx).create({ owner: 'eve', balance: 2 });
        await transaction(async (inner) => {
          expect(inner).toBe(tx);
          await Account.objects.using(inner).create({ owner: 'fay', balance: 2 });
        }, { using: tx });
      },
      { using: db.client },
    );
    configure({ default: db.client });
    expect(await Account.objects.filter({ owner__in: ['eve', 'fay'] }).count()).toBe(2);
  });
});

describe('transaction() over http', () => {
  let db: TestConnection;

  beforeAll(async () => {
    db = await transports.http('orm_tx_http');
    configure({ default: db.client });
    await pushSchema([Account]);
  });

  afterAll(() => db?.close());

  it('refuses with TransactionNotSupportedError pointing to the atomic forms, without running fn', async () => {
    let ran = false;
    const error = await transaction(async () => {
      ran = true;
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionNotSupportedError);
    expect((error as Error).message).toMatch(/atomic\(\.\.\.\) run with runBatch/);
    expect(ran).toBe(false);
  });
});
