/**
 * Aggregates, bulk creation and paged iteration on the real engine, over @sdb/ws, @sdb/http and
 * the embedded client. A counting wrapper around the client shows how many queries each made.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Avg, configure, Count, f, Max, Min, model, pushSchema, QuerySetError, Sum, ValidationError, type OrmClient } from '../src/index.ts';
import { transportNames, transports, type TestConnection } from './clients.ts';

const Reading = model('reading', { sensor: f.string(), value: f.int(), note: f.string().optional() }, { schemafull: true });

/** The client, counting the queries sent through it. */
function counting(client: OrmClient): OrmClient & { queries: number } {
  const wrapper = {
    queries: 0,
    query: ((...args: Parameters<OrmClient['query']>) => {
      wrapper.queries++;
      return client.query(...args);
    }) as OrmClient['query'],
    queryAll: ((...args: Parameters<OrmClient['queryAll']>) => {
      wrapper.queries++;
      return client.queryAll(...args);
    }) as OrmClient['queryAll'],
  };
  return wrapper;
}

describe.each(transportNames)('aggregates, bulkCreate and iterate over %s', (transport) => {
  let db: TestConnection;

  beforeAll(async () => {
    db = await transports[transport](`orm_bulk_${transport}`);
    configure({ default: db.client });
    await pushSchema([Reading]);
  });

  afterAll(() => db?.close());

  it('bulkCreate() sends one INSERT per batch and answers the instances in order', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ sensor: i % 2 === 0 ? 'even' : 'odd', value: i, ...(i % 10 === 0 ? { note: 'tenth' } : {}) }));
    const client = counting(db.client);
    const created = await Reading.objects.using(client).bulkCreate(rows, { batchSize: 300 });
    expect(client.queries).toBe(4);
    expect(created).toHaveLength(1000);
    expect(created.map((r) => r.value)).toEqual(rows.map((r) => r.value));
    expect(await Reading.objects.count()).toBe(1000);
  });

  it('bulkCreate() checks every row before sending any', async () => {
    const error = await Reading.objects.bulkCreate([{ sensor: 'x', value: 1 }, { sensor: 'x', value: 'two' as never }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(await Reading.objects.filter({ sensor: 'x' }).count()).toBe(0);
  });

  it('aggregate() computes Count, Sum, Avg, Min and Max in one GROUP ALL row', async () => {
    const stats = await Reading.objects.filter({ sensor: 'even' }).aggregate({ n: Count(), noted: Count('note'), total: Sum('value'), mean: Avg('value'), low: Min('value'), high: Max('value') });
    expect(stats).toEqual({ n: 500, noted: 100, total: 249500, mean: 499, low: 0, high: 998 });
  });

  it('aggregate() over no records answers Count 0, Sum 0 and undefined for Avg, Min and Max', async () => {
    const stats = await Reading.objects.filter({ value__gt: 10_000 }).aggregate({ n: Count(), total: Sum('value'), mean: Avg('value'), high: Max('value') });
    expect(stats).toEqual({ n: 0, total: 0, mean: undefined, high: undefined });
  });

  it('aggregate() answers undefined for Min/Max of a field none of the matching records has', async () => {
    expect(await Reading.objects.filter({ note__isnull: true }).aggregate({ n: Count(), last: Max('note'), first: Min('note') })).toEqual({ n: 900, last: undefined, first: undefined });
  });

  it('aggregate() refuses a field the model does not declare', async () => {
    await expect(Reading.objects.aggregate({ m: Avg('nope' as never) })).rejects.toBeInstanceOf(QuerySetError);
  });

  it('iterate() loads page by page, following the record id, and sees every record once', async () => {
    const client = counting(db.client);
    const seen = new Set<string>();
    for await (const reading of Reading.objects.using(client).filter({ sensor: 'odd' }).iterate({ pageSize: 200 })) seen.add(String(reading.id));
    expect(seen.size).toBe(500);
    expect(client.queries).toBe(3);
  });

  it('iterate() with an ordering pages through that ordering', async () => {
    const values: number[] = [];
    for await (const reading of Reading.objects.filter({ value__lt: 25 }).orderBy('-value').iterate({ pageSize: 10 })) values.push(reading.value);
    expect(values).toEqual(Array.from({ length: 25 }, (_, i) => 24 - i));
  });
});
