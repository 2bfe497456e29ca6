/**
 * A unique index violated through the ORM's writes surfaces as @sdb/protocol's
 * `UniqueViolationError` naming the index (not the `StatementError` wrapping it), on the real
 * engine over @sdb/ws, @sdb/http and the embedded client; the refused write leaves nothing behind.
 */
import { UniqueViolationError } from '@sdb/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { f, model } from '../src/index.ts';
import { suiteConnection, transportNames, type TestConnection } from './clients.ts';

const Account = model('account', { email: f.string().unique(), name: f.string() }, { schemafull: true });

describe.each(transportNames)('unique index violations over %s', (transport) => {
  let db: TestConnection;

  beforeAll(async () => {
    db = await suiteConnection(transport, 'orm_unique', [Account]);
    await Account.objects.create({ email: 'ann@x.io', name: 'Ann' });
  });

  afterAll(() => db?.close());

  const violation = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as UniqueViolationError);

  it('create() throws a UniqueViolationError naming the index and the value', async () => {
    const error = await violation(Account.objects.create({ email: 'ann@x.io', name: 'Ann again' }));
    expect(error).toBeInstanceOf(UniqueViolationError);
    expect(error).toMatchObject({ index: 'account_email_unique' });
    expect(error!.value).toContain('ann@x.io');
    expect(await Account.objects.count()).toBe(1);
  });

  it('bulkCreate() throws it too, and its batch writes nothing', async () => {
    const error = await violation(Account.objects.bulkCreate([{ email: 'new@x.io', name: 'New' }, { email: 'ann@x.io', name: 'Dup' }]));
    expect(error).toBeInstanceOf(UniqueViolationError);
    expect(error).toMatchObject({ index: 'account_email_unique' });
    expect(await Account.objects.filter({ email: 'new@x.io' }).exists()).toBe(false);
  });

  it('save() of a new instance, and of a changed field, throw it too', async () => {
    const fresh = new Account({ email: 'ann@x.io', name: 'Fresh' });
    expect(await violation(fresh.save())).toBeInstanceOf(UniqueViolationError);
    const bob = await Account.objects.create({ email: 'bob@x.io', name: 'Bob' });
    bob.email = 'ann@x.io';
    const error = await violation(bob.save());
    expect(error).toBeInstanceOf(UniqueViolationError);
    expect(error).toMatchObject({ index: 'account_email_unique' });
    expect((await Account.objects.get({ id: bob.id })).email).toBe('bob@x.io');
  });
});
