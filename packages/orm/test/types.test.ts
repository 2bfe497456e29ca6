/**
 * The types one declaration gives, checked by `tsc -p tsconfig.json` (which includes this file):
 * record and insert types, instance properties, typed lookup keys and values (a misspelled field
 * or a lookup that does not fit the field is a compile error), ordering keys, values() rows.
 * Queries are only typed here, never run (they sit inside arrow functions): no client is configured.
 * The runtime assertions keep vitest honest about the values the checks are made on.
 */
import { fn } from '@sdb/functions';
import type { Datetime, GeometryPoint, RecordId } from '@sdb/protocol';
import { field } from '@sdb/ql';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { Avg, Count, f, Max, model, Q, type Infer, type InferInsert, type Lookups, type LookupValueAt, type PatchOf } from '../src/index.ts';
import { Worker } from './chain.ts';
import { Company, Person } from './models.ts';

type PersonRecord = Infer<typeof Person>;
/** `L` as `filter()` checks it on Person: `L` itself when every key fits. */
type PersonLookups<L> = Lookups<'person', (typeof Person)['fields'], L>;
/** The value `filter()` takes under the key `K` on Person. */
type PersonValue<K extends string> = LookupValueAt<'person', (typeof Person)['fields'], K>;

describe('record and insert types', () => {
  it('reads computed fields and leaves them out of the insert and patch types; geometry and vector fields hold their classes', () => {
    const Place = model('place', { name: f.string(), at: f.geometry('point'), v: f.vector(2), shout: f.computed(fn.string.uppercase(field('name'))) });
    expectTypeOf<Infer<typeof Place>['shout']>().toEqualTypeOf<string>();
    expectTypeOf<Infer<typeof Place>['at']>().toEqualTypeOf<GeometryPoint>();
    expectTypeOf<Infer<typeof Place>['v']>().toEqualTypeOf<number[]>();
    expectTypeOf<InferInsert<typeof Place>>().not.toHaveProperty('shout');
    expectTypeOf<PatchOf<(typeof Place)['fields']>>().not.toHaveProperty('shout');
    expect(Place.fields.shout.config.kind).toBe('computed');
  });

  it('Infer gives id as a RecordId of the table, required fields as required keys, optional ones as optional', () => {
    expectTypeOf<PersonRecord['id']>().toEqualTypeOf<RecordId<'person'>>();
    expectTypeOf<PersonRecord['age']>().toEqualTypeOf<number>();
    expectTypeOf<PersonRecord['joined']>().toEqualTypeOf<Datetime>();
    expectTypeOf<PersonRecord['company']>().toEqualTypeOf<RecordId<'company'> | undefined>();
    expectTypeOf<PersonRecord['meta']>().toEqualTypeOf<{ plan: 'free' | 'pro' } | undefined>();
    expectTypeOf<PersonRecord['tags']>().toEqualTypeOf<string[]>();
    expectTypeOf<Infer<typeof Company>>().toEqualTypeOf<{ id: RecordId<'company'>; name: string; country?: string }>();
    expect(Person.table).toBe('person');
  });

  it('the insert type makes fields with a default, and optional ones, optional', () => {
    expectTypeOf<{ name: string; email: string }>().toExtend<InferInsert<typeof Person>>();
    expectTypeOf<{ name: string }>().not.toExtend<InferInsert<typeof Person>>();
    expectTypeOf<{ name: string; email: string; joined: Date }>().toExtend<InferInsert<typeof Person>>();
    // @ts-expect-error: `email` is required
    void (() => Person.objects.create({ name: 'Ann' }));
    // @ts-expect-error: `age` is an int field
    void (() => Person.objects.create({ name: 'Ann', email: 'a@b.io', age: 'old' }));
    expect(Person.fieldNames).toContain('email');
  });

  it('instances carry the fields as typed properties and the instance methods', () => {
    type P = InstanceType<typeof Person>;
    expectTypeOf<P['name']>().toEqualTypeOf<string>();
    expectTypeOf<P['save']>().toBeFunction();
    expectTypeOf(() => Person.objects.get({ name: 'Ann' })).returns.resolves.toEqualTypeOf<P>();
    expectTypeOf(() => Person.objects.first()).returns.resolves.toEqualTypeOf<P | undefined>();
    expect(typeof Person.prototype.save).toBe('function');
  });
});

describe('lookup keys', () => {
  it('accepts comparisons on comparable fields and string lookups on strings, with typed values', () => {
    expectTypeOf<PersonValue<'age__gte'>>().toEqualTypeOf<number>();
    expectTypeOf<PersonValue<'name__istartswith'>>().toEqualTypeOf<string>();
    expectTypeOf<PersonValue<'age__in'>>().toEqualTypeOf<readonly number[]>();
    expectTypeOf<PersonValue<'score__isnull'>>().toEqualTypeOf<boolean>();
    expectTypeOf<PersonValue<'age__range'>>().toEqualTypeOf<readonly [number, number]>();
    expectTypeOf<PersonValue<'tags__contains'>>().toEqualTypeOf<string>();
    expectTypeOf<PersonValue<'tags__containsany'>>().toEqualTypeOf<readonly string[]>();
    expectTypeOf<PersonValue<'joined__lt'>>().toEqualTypeOf<Datetime | Date>();
    expect(Person.objects.filter({ age__gte: 18, name__istartswith: 'a' }).toQuery().query).toContain('age >= $p0');
  });

  it('a lookup object whose keys all fit is its own checked type', () => {
    type Fits = { age__gte: number; name__istartswith: string; email__endswith: string; company__name__icontains: string };
    expectTypeOf<Fits>().toEqualTypeOf<PersonLookups<Fits>>();
    expectTypeOf<PersonLookups<{ agee: number }>>().toEqualTypeOf<{ agee: 'person has no field or lookup "agee"' }>();
    expect(Person.objects.filter({ email__endswith: '.io' }).toQuery().query).toContain('string::ends_with');
  });

  it('match takes a string, on string fields only', () => {
    expectTypeOf<PersonValue<'name__match'>>().toEqualTypeOf<string>();
    expectTypeOf<PersonValue<'age__match'>>().toEqualTypeOf<'person has no field or lookup "match"'>();
    expect(Person.objects.filter({ name__match: 'ann' }).toQuery().query).toContain('name @@ $p0');
  });

  it('follows record links', () => {
    expectTypeOf<PersonValue<'company'>>().toEqualTypeOf<RecordId<'company'>>();
    expectTypeOf<PersonValue<'company__name__icontains'>>().toEqualTypeOf<string>();
    expectTypeOf<PersonValue<'company__country'>>().toEqualTypeOf<string>();
    expectTypeOf<PersonValue<'company__id'>>().toEqualTypeOf<RecordId<'company'>>();
    expect(Person.objects.filter({ company__name__icontains: 'acme' }).toQuery().query).toContain('company.name');
  });

  it('follows record links three hops deep; a fourth hop is a compile error (it works at run time)', () => {
    type WorkerValue<K extends string> = LookupValueAt<'worker', (typeof Worker)['fields'], K>;
    expectTypeOf<WorkerValue<'office__city__size__gte'>>().toEqualTypeOf<number>();
    expectTypeOf<WorkerValue<'office__city__country__name__istartswith'>>().toEqualTypeOf<string>();
    expectTypeOf<WorkerValue<'office__city__country__planet'>>().toEqualTypeOf<RecordId<'planet'>>();
    expectTypeOf<WorkerValue<'office__city__country__planet__name'>>().toEqualTypeOf<'country.planet is more links deep than lookup keys are typed (three)'>();
    // @ts-expect-error: a misspelling three hops down
    void Worker.objects.filter({ office__city__countryy__name: 'x' });
    expect(Worker.objects.filter({ office__city__country__name__istartswith: 'f' }).toQuery().query).toContain('office.city.country.name');
  });

  it('enters nested objects', () => {
    expectTypeOf<PersonValue<'meta__plan'>>().toEqualTypeOf<'free' | 'pro'>();
    expectTypeOf<PersonValue<'meta__plan__in'>>().toEqualTypeOf<readonly ('free' | 'pro')[]>();
    expectTypeOf<PersonValue<'meta__isnull'>>().toEqualTypeOf<boolean>();
    // @ts-expect-error: `gold` is not a plan
    void Person.objects.filter({ meta__plan: 'gold' });
    expect(Person.objects.filter({ meta__plan: 'pro' }).toQuery().query).toContain('meta.plan = $p0');
  });

  it('refuses misspelled fields, unknown lookups and lookups that do not fit the field', () => {
    // @ts-expect-error: no field `agee`
    void Person.objects.filter({ agee: 3 });
    // @ts-expect-error: no lookup `gtee`
    void Person.objects.filter({ age__gtee: 3 });
    // @ts-expect-error: `istartswith` is a string lookup, `age` is an int
    void Person.objects.filter({ age__istartswith: '3' });
    // @ts-expect-error: `like` is a string lookup, `age` is an int
    void Person.objects.filter({ age__like: '3%' });
    void Person.objects.filter({ name__like: 'A%', email__ilike: '%@x.io' });
    // @ts-expect-error: a link takes equality lookups only, not `gte`
    void Person.objects.filter({ company__gte: 3 });
    // @ts-expect-error: the value of `age__gte` is a number
    void Person.objects.filter({ age__gte: 'eighteen' });
    // @ts-expect-error: `in` takes an array
    void Person.objects.filter({ name__in: 'Ann' });
    // @ts-expect-error: Company has no field `city`
    void Person.objects.filter({ company__city: 'Paris' });
    expect(Object.keys(Person.fields)).not.toContain('agee');
  });

  it('checks the lookups inside Q trees against the model they filter', () => {
    void Person.objects.filter(Q.or({ age__lt: 18 }, Q.not({ company__name__icontains: 'acme' })));
    // @ts-expect-error: no field `agee`, inside a Q too
    void Person.objects.filter(Q.or({ agee__lt: 18 }));
    // A Q built on its own records its parts: the queryset it is given to checks them.
    const standalone = Q.or({ age__lt: 18 }, { agee: 1 });
    // @ts-expect-error: no field `agee`, in a Q built before it met its model
    expect(() => Person.objects.filter(standalone).toQuery()).toThrow(/no field "agee"/);
  });
});

describe('ordering and projections', () => {
  it('orderBy takes field names, optionally with a leading "-"', () => {
    void Person.objects.orderBy('-age', 'name', 'id');
    // @ts-expect-error: no field `agee`
    void (() => Person.objects.orderBy('-agee'));
    expect(() => Person.objects.orderBy('nope' as never)).toThrow(/no field "nope"/);
  });

  it('values() and valuesList() rows have the named fields\' types', () => {
    expectTypeOf(() => Person.objects.values('name', 'age')).returns.resolves.toEqualTypeOf<{ name: string; age: number }[]>();
    expectTypeOf(() => Person.objects.valuesList('email', { flat: true })).returns.resolves.toEqualTypeOf<string[]>();
    expectTypeOf(() => Person.objects.valuesList('name', 'age')).returns.resolves.toEqualTypeOf<[string, number][]>();
    // @ts-expect-error: no field `agee`
    void (() => Person.objects.values('agee'));
    expect(typeof Person.objects.values).toBe('function');
  });
});

describe('updates', () => {
  it('an update takes values or the atomic operations that fit each field', () => {
    void (() => Person.objects.update({ age: f.increment(1), tags: f.addToSet('vip'), score: 1.5 }));
    // @ts-expect-error: a string field cannot be incremented
    void (() => Person.objects.update({ name: f.increment(1) }));
    // @ts-expect-error: tags holds strings
    void (() => Person.objects.update({ tags: f.append(3) }));
    expect(f.increment(2).values).toEqual([2]);
  });
});

describe('aggregates', () => {
  it('aggregate() types each alias: counts and sums are numbers, Avg/Min/Max may be undefined, Max keeps the field type', () => {
    expectTypeOf(() => Person.objects.aggregate({ n: Count(), mean: Avg('age'), last: Max('joined') })).returns.resolves.toEqualTypeOf<{ n: number; mean: number | undefined; last: Datetime | undefined }>();
    type Grouped = Awaited<ReturnType<typeof grouped>>[number];
    const grouped = () => Person.objects.values('company').annotate({ n: Count(), mean: Avg('age') });
    expectTypeOf<Grouped['n']>().toEqualTypeOf<number>();
    expectTypeOf<Grouped['mean']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Grouped['company']>().toEqualTypeOf<RecordId<'company'> | undefined>();
    // @ts-expect-error: no field `agee` to average
    void (() => Person.objects.aggregate({ mean: Avg('agee') }));
    expect(Count().kind).toBe('count');
  });
});
