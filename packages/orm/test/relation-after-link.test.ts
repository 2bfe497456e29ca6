/**
 * A relation in the middle of a lookup key, after link steps, on the real engine (over @sdb/ws,
 * @sdb/http and the embedded client): `company__employees__name` on Person (people whose company
 * employs someone of that name), a reverse relation or an edge reached from an edge's end
 * (`out__followers__name`, `in__knows__out__name` on Knows). The link path stands where the
 * record's id would, values are bound, and a record whose link is absent never matches.
 * Keys after a link that name a relation are not typed: they go through `Q.and<Record<string, unknown>[]>`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Q, QuerySetError } from '../src/index.ts';
import { suiteConnection, transportNames, type TestConnection } from './clients.ts';
import { Company, Knows, models, Person } from './relation-models.ts';

const untyped = (filter: Record<string, unknown>) => Q.and<Record<string, unknown>[]>(filter);
const names = async (filter: Record<string, unknown>, exclude = false) =>
  new Set((await (exclude ? Person.objects.exclude(untyped(filter)) : Person.objects.filter(untyped(filter))).all()).map((p) => p.name));

describe('a relation after a link, compiled', () => {
  it('puts the link path, checked to hold a record, where the id stands before the relation subquery, and binds the value', () => {
    const hostile = "x'; REMOVE TABLE person; --";
    const { query, bindings } = Person.objects.filter(untyped({ company__employees__name: hostile })).toQuery();
    expect(query).toBe('SELECT * FROM person WHERE type::is_record(company) AND company INSIDE (SELECT VALUE company FROM person WHERE name = $p0);');
    expect(bindings).toEqual({ p0: hostile });
  });

  it('refuses a relation with no field after it, as at the start of a key', () => {
    expect(() => Person.objects.filter(untyped({ company__employees: 'x' })).toQuery()).toThrow(QuerySetError);
    expect(() => Person.objects.filter(untyped({ company__employees: 'x' })).toQuery()).toThrow('"employees" is a relation of company; name a field after it');
  });
});

describe.each(transportNames)('a relation after link steps over %s', (transport) => {
  let db: TestConnection;

  beforeAll(async () => {
    db = await suiteConnection(transport, 'orm_mid_relation', models);
    const [acme, globex] = await Company.objects.bulkCreate([{ name: 'Acme' }, { name: 'Globex' }]);
    const [ann, bob, cy, di] = await Person.objects.bulkCreate([
      { id: 'ann', name: 'Ann', age: 31, company: acme!.id },
      { id: 'bob', name: 'Bob', age: 17, company: acme!.id },
      { id: 'cy', name: 'Cy', age: 44, company: globex!.id },
      { id: 'di', name: 'Di', age: 52 }, // no company
    ]);
    await ann!.related(Knows).add(bob!, { since: 2019 });
    await bob!.related(Knows).add(cy!, { since: 2021 });
    await cy!.related(Knows).add(di!, { since: 2022 });
  });

  afterAll(() => db?.close());

  it('company__employees__name: the people whose company employs someone of that name', async () => {
    expect(await names({ company__employees__name: 'Bob' })).toEqual(new Set(['Ann', 'Bob']));
    expect(await names({ company__employees__age__gte: 40 })).toEqual(new Set(['Cy']));
    expect(await names({ company__employees__name: 'Nobody' })).toEqual(new Set());
  });

  it('a record whose link is absent never matches, so exclude keeps it', async () => {
    expect(await names({ company__employees__name__istartswith: 'd' })).toEqual(new Set());
    expect(await names({ company__employees__name: 'Bob' }, true)).toEqual(new Set(['Cy', 'Di']));
  });

  it('the rest of the key after the relation takes links and lookups: company__employees__company__name__iexact', async () => {
    expect(await names({ company__employees__company__name__iexact: 'GLOBEX' })).toEqual(new Set(['Cy']));
  });

  it('from an edge end: a reverse relation (out__followers__name) and an edge (in__knows__out__name)', async () => {
    const edgesTo = async (filter: Record<string, unknown>) => new Set((await Knows.objects.filter(untyped(filter)).all()).map((k) => `${k.in.id}->${k.out.id}`));
    // Edges whose far person is followed by Ann: ann->bob.
    expect(await edgesTo({ out__followers__name: 'Ann' })).toEqual(new Set(['ann->bob']));
    // Edges whose near person knows someone aged 40 or more: bob->cy (bob knows cy), cy->di.
    expect(await edgesTo({ in__knows__out__age__gte: 40 })).toEqual(new Set(['bob->cy', 'cy->di']));
  });
});
