/**
 * The API sample, line by line and in its order, on the real engine over @sdb/ws,
 * @sdb/http and the embedded client: one suite, three clients. Each test is one line of the
 * sample (or two that belong together) and checks what it answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Avg, Count, DoesNotExistError, f, Max, MultipleObjectsReturnedError, Q, transaction, TransactionNotSupportedError } from '../src/index.ts';
import { suiteConnection, transportNames, type TestConnection } from './clients.ts';
import { Company, Person } from './models.ts';

describe.each(transportNames)('the API sample over %s', (transport) => {
  let db: TestConnection;
  let acme: InstanceType<typeof Company>;

  beforeAll(async () => {
    db = await suiteConnection(transport, 'orm_sample', [Company, Person]);
    acme = await Company.objects.create({ name: 'Acme Corp' });
    await Person.objects.bulkCreate([
      { name: 'amy', email: 'amy@x.io', age: 40, company: acme.id },
      { name: 'Abe', email: 'abe@x.io', age: 30 },
      { name: 'kid', email: 'kid@x.test', age: 12 },
    ]);
  });

  afterAll(() => db?.close());

  it('create, change and save (changed fields only), refresh, merge, delete', async () => {
    const ann = await Person.objects.create({ name: 'Ann', email: 'ann@x.io', age: 31 });
    ann.age = 32;
    await ann.save();
    await ann.refresh();
    expect(ann.age).toBe(32);
    await ann.merge({ score: 9.5 });
    expect(ann.score).toBe(9.5);
    await ann.delete();
    expect(await Person.objects.filter({ email: 'ann@x.io' }).exists()).toBe(false);
  });

  it('filter, exclude, orderBy, limit, offset, all', async () => {
    const page = await Person.objects.filter({ age__gte: 18, name__istartswith: 'a' }).exclude({ email__endswith: '.test' }).orderBy('-age', 'name').limit(10).offset(1).all();
    expect(page.map((p) => p.name)).toEqual(['Abe']);
  });

  it('Q.or and Q.not across a link, counted', async () => {
    expect(await Person.objects.filter(Q.or({ age__lt: 18 }, Q.not({ company__name__icontains: 'acme' }))).count()).toBe(2);
  });

  it('exists() by a link', async () => {
    expect(await Person.objects.filter({ company: acme.id }).exists()).toBe(true);
  });

  it('get() by a unique field, and its two typed errors', async () => {
    expect((await Person.objects.get({ email: 'amy@x.io' })).name).toBe('amy');
    await expect(Person.objects.get({ email: 'nobody@x.io' })).rejects.toBeInstanceOf(DoesNotExistError);
    await expect(Person.objects.get({ age__gte: 18 })).rejects.toBeInstanceOf(MultipleObjectsReturnedError);
  });

  it('first() and last()', async () => {
    expect(await Person.objects.first()).toBeDefined();
    expect((await Person.objects.orderBy('age').last())?.name).toBe('amy');
  });

  it('values(), valuesList(flat), values().distinct()', async () => {
    expect(await Person.objects.orderBy('age').values('name', 'age')).toEqual([{ name: 'kid', age: 12 }, { name: 'Abe', age: 30 }, { name: 'amy', age: 40 }]);
    expect((await Person.objects.valuesList('email', { flat: true })).sort()).toEqual(['abe@x.io', 'amy@x.io', 'kid@x.test']);
    expect((await Person.objects.values('age').distinct()).map((r) => r.age).sort()).toEqual([12, 30, 40]);
  });

  it('aggregate() and values().annotate()', async () => {
    expect(await Person.objects.aggregate({ n: Count(), mean: Avg('age'), oldest: Max('age') })).toEqual({ n: 3, mean: 82 / 3, oldest: 40 });
    const groups = await Person.objects.values('company').annotate({ n: Count(), mean: Avg('age') });
    expect(groups.map((g) => g.n).sort()).toEqual([1, 2]);
  });

  it('iterate() in pages', async () => {
    const seen: string[] = [];
    for await (const p of Person.objects.filter({ age__gte: 18 }).iterate({ pageSize: 1 })) seen.push(p.name);
    expect(seen.sort()).toEqual(['Abe', 'amy']);
  });

  it('queryset update() and delete() answer how many records they changed', async () => {
    expect(await Person.objects.filter({ age__lt: 18 }).update({ score: 0 })).toBe(1);
    expect(await Person.objects.filter({ email__endswith: '.test' }).delete()).toBe(1);
  });

  it('bulkCreate(), upsert(), bulkUpsert()', async () => {
    const rows = [{ name: 'Cy', email: 'cy@x.io' }, { name: 'Di', email: 'di@x.io' }];
    expect(await Person.objects.bulkCreate(rows, { batchSize: 1000 })).toHaveLength(2);
    expect((await Person.objects.upsert({ email: 'cy@x.io' }, { name: 'Cyd' })).name).toBe('Cyd');
    await Person.objects.bulkUpsert([{ name: 'Dee', email: 'di@x.io' }, { name: 'Ed', email: 'ed@x.io' }], { key: 'email' });
    expect(await Person.objects.filter({ email__in: ['cy@x.io', 'di@x.io', 'ed@x.io'] }).orderBy('email').valuesList('name', { flat: true })).toEqual(['Cyd', 'Dee', 'Ed']);
  });

  it('atomic operations in update()', async () => {
    const cy = await Person.objects.get({ email: 'cy@x.io' });
    await Person.objects.filter({ id: cy.id }).update({ tags: f.append('vip'), age: f.increment(1) });
    await cy.refresh();
    expect([cy.tags, cy.age]).toEqual([['vip'], 1]);
  });

  it('using() a named connection', async () => {
    expect(await Person.objects.using('analytics').count()).toBe(await Person.objects.count());
  });

  it('transaction(): atomic, a throw writes nothing (over http: refused, typed)', async () => {
    const attempt = transaction(async (tx) => {
      await Person.objects.using(tx).create({ name: 'Tx', email: 'tx@x.io' });
      throw new Error('change of mind');
    });
    if (transport === 'http') await expect(attempt).rejects.toBeInstanceOf(TransactionNotSupportedError);
    else await expect(attempt).rejects.toThrow('change of mind');
    expect(await Person.objects.filter({ email: 'tx@x.io' }).exists()).toBe(false);
    if (transport !== 'http') {
      await transaction(async (tx) => void (await Person.objects.using(tx).create({ name: 'Tx', email: 'tx@x.io' })));
      expect(await Person.objects.filter({ email: 'tx@x.io' }).exists()).toBe(true);
    }
  });
});
