/**
 * Querysets on the real engine, over @sdb/ws and over @sdb/http: filters with Django lookups,
 * Q trees, ordering and slicing, the terminal methods, and queryset-wide update/delete counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configure, Count, Max, DoesNotExistError, MultipleObjectsReturnedError, pushSchema, Q, QuerySetError } from '../src/index.ts';
import { transportNames, transports, type TestConnection } from './clients.ts';
import { Company, Person } from './models.ts';

describe.each(transportNames)('querysets over %s', (transport) => {
  let db: TestConnection;
  let acme: InstanceType<typeof Company>;

  beforeAll(async () => {
    db = await transports[transport](`orm_qs_${transport}`);
    configure({ default: db.client });
    await pushSchema([Company, Person]);
    acme = await Company.objects.create({ name: 'Acme Corp', country: 'FR' });
    const other = await Company.objects.create({ name: 'Globex' });
    await Person.objects.create({ id: 'ann', name: 'Ann', email: 'ann@x.io', age: 31, company: acme.id, tags: ['vip'] });
    await Person.objects.create({ id: 'bob', name: 'bob', email: 'bob@x.test', age: 17, company: other.id });
    await Person.objects.create({ id: 'cat', name: 'Cat', email: 'cat@y.io', age: 45, score: 9.5 });
    await Person.objects.create({ id: 'dan', name: 'Dan', email: 'dan@y.io', age: 31, meta: { plan: 'pro' } });
  });

  afterAll(() => db?.close());

  const names = (people: { name: string }[]) => people.map((p) => p.name);

  it('filters with comparisons and case-insensitive string lookups, values bound', async () => {
    expect(names(await Person.objects.filter({ age__gte: 18, name__istartswith: 'a' }).all())).toEqual(['Ann']);
    expect(names(await Person.objects.filter({ age__lt: 18 }))).toEqual(['bob']);
    expect(names(await Person.objects.filter({ email__iendswith: '.IO' }).orderBy('name'))).toEqual(['Ann', 'Cat', 'Dan']);
  });

  it('excludes, orders by several keys and slices in the grammar\'s clause order', async () => {
    const page = await Person.objects.exclude({ email__endswith: '.test' }).orderBy('-age', 'name').limit(2).offset(1).all();
    expect(names(page)).toEqual(['Ann', 'Dan']);
  });

  it('follows a record link in a lookup, guarding people without a company', async () => {
    expect(names(await Person.objects.filter({ company__name__icontains: 'acme' }))).toEqual(['Ann']);
    const notAcme = await Person.objects.filter(Q.not({ company__name__icontains: 'acme' })).orderBy('name');
    expect(names(notAcme)).toEqual(['Cat', 'Dan', 'bob']);
  });

  it('combines Q.or and Q.not and counts with GROUP ALL', async () => {
    expect(await Person.objects.filter(Q.or({ age__lt: 18 }, Q.not({ company__name__icontains: 'acme' }))).count()).toBe(3);
    expect(await Person.objects.filter({ name: 'nobody' }).count()).toBe(0);
    expect(await Person.objects.orderBy('name').limit(2).count()).toBe(2);
  });

  it('isnull matches absent (NONE) fields and its negation the present ones', async () => {
    expect(names(await Person.objects.filter({ score__isnull: true }).orderBy('name'))).toEqual(['Ann', 'Dan', 'bob']);
    expect(names(await Person.objects.filter({ score__isnull: false }))).toEqual(['Cat']);
  });

  it('in, not_in, contains on arrays, range and nested object keys', async () => {
    expect(names(await Person.objects.filter({ name__in: ['Ann', 'Cat'] }).orderBy('name'))).toEqual(['Ann', 'Cat']);
    expect(await Person.objects.filter({ name__not_in: ['Ann', 'Cat'] }).count()).toBe(2);
    expect(names(await Person.objects.filter({ tags__contains: 'vip' }))).toEqual(['Ann']);
    expect(names(await Person.objects.filter({ age__range: [30, 40] }).orderBy('name'))).toEqual(['Ann', 'Dan']);
    expect(await Person.objects.filter({ meta__plan: 'pro' }).count()).toBe(1);
  });

  it('filters by a link\'s record id and answers exists()', async () => {
    expect(await Person.objects.filter({ company: acme.id }).exists()).toBe(true);
    expect(await Person.objects.filter({ company: acme.id, age__gt: 99 }).exists()).toBe(false);
  });

  it('get() answers the one match, or a typed error for none and for several', async () => {
    expect((await Person.objects.get({ email: 'ann@x.io' })).name).toBe('Ann');
    await expect(Person.objects.get({ email: 'zed@x.io' })).rejects.toBeInstanceOf(DoesNotExistError);
    await expect(Person.objects.get({ age: 31 })).rejects.toBeInstanceOf(MultipleObjectsReturnedError);
  });

  it('first() and last() follow the ordering', async () => {
    expect((await Person.objects.orderBy('age').first())?.name).toBe('bob');
    expect((await Person.objects.orderBy('age').last())?.name).toBe('Cat');
    expect(await Person.objects.filter({ age__gt: 99 }).first()).toBeUndefined();
  });

  it('values() and valuesList() give plain rows of the named fields', async () => {
    expect(await Person.objects.filter({ age__gte: 40 }).values('name', 'age')).toEqual([{ name: 'Cat', age: 45 }]);
    expect(await Person.objects.orderBy('email').valuesList('email', { flat: true })).toEqual(['ann@x.io', 'bob@x.test', 'cat@y.io', 'dan@y.io']);
    expect(await Person.objects.filter({ age: 45 }).valuesList('name', 'age')).toEqual([['Cat', 45]]);
    // Ordered by fields it does not return (SurrealDB needs them selected; they are dropped from the rows).
    expect(await Person.objects.orderBy('-age', 'email').valuesList('name', { flat: true })).toEqual(['Cat', 'Ann', 'Dan', 'bob']);
    expect(await Person.objects.orderBy('-age', 'email').limit(1).values('name')).toEqual([{ name: 'Cat' }]);
  });

  it('values().distinct() gives unique rows, values().annotate() one row per value with its aggregates', async () => {
    expect(await Person.objects.values('age').distinct()).toEqual([{ age: 17 }, { age: 31 }, { age: 45 }]);
    const byAge = await Person.objects.filter({ age__gte: 18 }).values('age').annotate({ n: Count(), best: Max('score') });
    expect(byAge).toEqual([
      { age: 31, n: 2, best: undefined },
      { age: 45, n: 1, best: 9.5 },
    ]);
  });

  it('a queryset is immutable and lazy: refining returns a new one, nothing runs before it is awaited', async () => {
    const adults = Person.objects.filter({ age__gte: 18 });
    const named = adults.filter({ name: 'Ann' });
    expect(await adults.count()).toBe(3);
    expect(await named.count()).toBe(1);
    // A misspelled lookup only fails when the queryset runs, and says which lookup it was.
    const bad = Person.objects.filter({ age__gtee: 3 } as never);
    await expect(bad.all()).rejects.toThrow(/Unknown lookup "gtee"/);
    await expect(Person.objects.filter({ agee: 3 } as never).count()).rejects.toBeInstanceOf(QuerySetError);
  });

  it('update() and delete() on a queryset answer the number of records affected', async () => {
    await Person.objects.create({ name: 'Tmp1', email: 'tmp1@z.test' });
    await Person.objects.create({ name: 'Tmp2', email: 'tmp2@z.test' });
    expect(await Person.objects.filter({ email__startswith: 'tmp' }).update({ score: 0 })).toBe(2);
    expect(await Person.objects.filter({ email__startswith: 'tmp', score: 0 }).count()).toBe(2);
    expect(await Person.objects.filter({ email__startswith: 'nobody' }).update({ score: 1 })).toBe(0);
    expect(await Person.objects.filter({ email__startswith: 'tmp' }).delete()).toBe(2);
    expect(await Person.objects.filter({ email__startswith: 'tmp' }).exists()).toBe(false);
  });
});
