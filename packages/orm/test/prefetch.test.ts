/**
 * selectRelated (FETCH, links hydrated as instances) and prefetchRelated (one query per
 * relation: 100 parents with their children cost 2 queries, not 101) on the real engine, over
 * @sdb/ws, @sdb/http and the embedded client. Results without ORDER BY are compared as sets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configure, Prefetch, pushSchema, QuerySetError } from '../src/index.ts';
import { counting } from './counting.ts';
import { transportNames, transports, type TestConnection } from './clients.ts';
import { Company, Knows, models, Person } from './relation-models.ts';

const names = (people: readonly object[]) => new Set(people.map((p) => (p as { name?: unknown }).name));

describe.each(transportNames)('selectRelated and prefetchRelated over %s', (transport) => {
  let db: TestConnection;

  beforeAll(async () => {
    db = await transports[transport](`orm_prefetch_${transport}`);
    configure({ default: db.client });
    await pushSchema(models);
    const companies = await Company.objects.bulkCreate(Array.from({ length: 100 }, (_, i) => ({ id: `c${i}`, name: `Company ${i}` })));
    // Company i employs i % 5 people: 200 people, aged 10, 20, 30...
    await Person.objects.bulkCreate(companies.flatMap((company, i) => Array.from({ length: i % 5 }, (_, j) => ({ id: `p${i}_${j}`, name: `P${i}.${j}`, age: 10 * (j + 1), company: company.id }))));
    await Person.objects.create({ id: 'loner', name: 'Loner', age: 50 });
    const [ann, bob, cy] = await Person.objects.bulkCreate([{ id: 'ann', name: 'Ann', age: 31 }, { id: 'bob', name: 'Bob', age: 12 }, { id: 'cy', name: 'Cy', age: 44 }]);
    await ann!.related(Knows).add([bob!, cy!], { since: 2020 });
    await ann!.related(Knows).add(bob!, { since: 2024 }); // a parallel edge
    await bob!.related(Knows).add(cy!);
  });

  afterAll(() => db?.close());

  it('selectRelated() loads the link with FETCH in the same query, as an instance of its model', async () => {
    const client = counting(db.client);
    const [p] = await Person.objects.using(client).filter({ name: 'P1.0' }).selectRelated('company').all();
    expect(client.queries).toBe(1);
    expect(p!.company).toBeInstanceOf(Company);
    expect(p!.company!.name).toBe('Company 1');
    expect(String(p!.company!.id)).toBe('company:c1');
  });

  it('an instance loaded with selectRelated() saves its own changes without writing the link back as an object', async () => {
    const [p] = await Person.objects.filter({ name: 'P2.0' }).selectRelated('company').all();
    p!.age = 11;
    await p!.save();
    const [stored] = await Person.objects.filter({ name: 'P2.0' }).all();
    expect(stored!.age).toBe(11);
    expect(String(stored!.company)).toBe('company:c2');
  });

  it('prefetchRelated() of a reverse relation: 100 companies and their employees in 2 queries', async () => {
    const client = counting(db.client);
    const companies = await Company.objects.using(client).prefetchRelated(Prefetch('employees', Person.objects)).all();
    expect(client.queries).toBe(2);
    expect(companies).toHaveLength(100);
    for (const company of companies) {
      const i = Number(company.id.id.toString().slice(1));
      expect(names(company.employees)).toEqual(new Set(Array.from({ length: i % 5 }, (_, j) => `P${i}.${j}`)));
      for (const employee of company.employees) expect(employee).toBeInstanceOf(Person);
    }
  });

  it('a Prefetch queryset filters the related records, still one query for the relation', async () => {
    const client = counting(db.client);
    const [company] = await Company.objects.using(client).filter({ name: 'Company 4' })
      .prefetchRelated(Prefetch('employees', Person.objects.filter({ age__gte: 30 }))).all();
    expect(client.queries).toBe(2);
    expect(names(company!.employees)).toEqual(new Set(['P4.2', 'P4.3']));
  });

  it('prefetchRelated() of a link loads the linked records by id in one query, as instances', async () => {
    const client = counting(db.client);
    const people = await Person.objects.using(client).filter({ age__gte: 10 }).prefetchRelated('company').all();
    expect(client.queries).toBe(2);
    for (const p of people) expect(p.company === undefined || p.company instanceof Company).toBe(true);
    expect(people.find((p) => p.name === 'P3.1')!.company!.name).toBe('Company 3');
  });

  it('prefetchRelated() of an edge gives the far ends, each once, in one query', async () => {
    const client = counting(db.client);
    const people = await Person.objects.using(client).filter({ name__in: ['Ann', 'Bob', 'Cy'] }).prefetchRelated('knows', 'followers').all();
    expect(client.queries).toBe(3);
    const byName = new Map(people.map((p) => [p.name, p]));
    expect(byName.get('Ann')!.knows.map((p) => p.name).sort()).toEqual(['Bob', 'Cy']);
    expect(names(byName.get('Cy')!.knows)).toEqual(new Set());
    expect(names(byName.get('Cy')!.followers)).toEqual(new Set(['Ann', 'Bob']));
    expect(byName.get('Bob')!.knows[0]).toBeInstanceOf(Person);
  });

  it("an edge Prefetch's queryset filters the far records, not the edge rows (which have no age)", async () => {
    const [ann] = await Person.objects.filter({ name: 'Ann' }).prefetchRelated(Prefetch('knows', Person.objects.filter({ age__gte: 18 }))).all();
    expect(names(ann!.knows)).toEqual(new Set(['Cy']));
  });

  it('refuses an unknown relation, a queryset of another model and a sliced one, before any query', () => {
    expect(() => Person.objects.prefetchRelated('nothing')).toThrow(QuerySetError);
    expect(() => Company.objects.prefetchRelated(Prefetch('employees', Company.objects as never))).toThrow(QuerySetError);
    expect(() => Company.objects.prefetchRelated(Prefetch('employees', Person.objects.limit(3)))).toThrow(QuerySetError);
    expect(() => Person.objects.selectRelated('name' as never)).toThrow(QuerySetError);
  });
});
