/**
 * Lookups across record links at any depth, on the real engine (over @sdb/ws, @sdb/http and the
 * embedded client): a chain of four links (worker → office → city → country → planet) where
 * some links are missing at each level, which string functions on the absent value would fail
 * on if the lookup did not guard them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuerySetError } from '../src/index.ts';
import { City, Country, Office, Planet, Worker } from './chain.ts';
import { suiteConnection, transportNames, type TestConnection } from './clients.ts';

describe.each(transportNames)('lookups across links over %s', (transport) => {
  let db: TestConnection;

  beforeAll(async () => {
    db = await suiteConnection(transport, 'orm_deep', [Planet, Country, City, Office, Worker]);
    const earth = await Planet.objects.create({ name: 'Earth' });
    const france = await Country.objects.create({ name: 'France', planet: earth.id });
    const nowhere = await Country.objects.create({ name: 'Nowhere' }); // no planet
    const paris = await City.objects.create({ name: 'Paris', country: france.id, size: 2 });
    const atlantis = await City.objects.create({ name: 'Atlantis', country: nowhere.id });
    const lost = await City.objects.create({ name: 'Lost' }); // no country
    const offices = await Office.objects.bulkCreate([
      { name: 'HQ', city: paris.id },
      { name: 'Sub', city: atlantis.id },
      { name: 'Far', city: lost.id },
      { name: 'Home' }, // no city
    ]);
    await Worker.objects.bulkCreate([
      { name: 'ann', office: offices[0]!.id },
      { name: 'bob', office: offices[1]!.id },
      { name: 'cy', office: offices[2]!.id },
      { name: 'di', office: offices[3]!.id },
      { name: 'ed' }, // no office
    ]);
  });

  afterAll(() => db?.close());

  const names = (filter: object) => Worker.objects.filter(filter as never).orderBy('name').valuesList('name', { flat: true });

  it('three hops: a string lookup skips the records where any link on the way is missing', async () => {
    expect(await names({ office__city__country__name__istartswith: 'f' })).toEqual(['ann']);
    expect(await names({ office__city__country__name__iendswith: 'E' })).toEqual(['ann', 'bob']);
  });

  it('four hops, and the target of the last link compared by id', async () => {
    const earth = await Planet.objects.get({ name: 'Earth' });
    expect(await names({ office__city__country__planet__name: 'Earth' })).toEqual(['ann']);
    expect(await names({ office__city__country__planet__name__icontains: 'ART' })).toEqual(['ann']);
    expect(await names({ office__city__country__planet: earth.id })).toEqual(['ann']);
  });

  it('isnull across links is true wherever the chain breaks', async () => {
    expect(await names({ office__city__country__planet__isnull: true })).toEqual(['bob', 'cy', 'di', 'ed']);
    expect(await names({ office__city__country__isnull: false })).toEqual(['ann', 'bob']);
  });

  it('comparisons across links, inside Q and exclude()', async () => {
    expect(await names({ office__city__size__gte: 1 })).toEqual(['ann']);
    expect(await Worker.objects.exclude({ office__city__country__name: 'France' }).orderBy('name').valuesList('name', { flat: true })).toEqual(['bob', 'cy', 'di', 'ed']);
  });

  it('a misspelled field several hops down is a QuerySetError naming the model and the field', async () => {
    const error = await names({ office__city__countryy__name: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QuerySetError);
    expect((error as Error).message).toMatch(/city has no field "countryy"/);
  });
});
