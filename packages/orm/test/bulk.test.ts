/**
 * Aggregates, bulk creation and paged iteration on the real engine, over @sdb/ws, @sdb/http and
 * the embedded client. A counting wrapper around the client shows how many queries each made.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Avg, configure, Count, f, Max, Min, model, pushSchema, QuerySetError, Sum, ValidationError } from '../src/index.ts';
import { counting } from './counting.ts';
import { transportNames, transports, type TestConnection } from './clients.ts';

const Member = model('member', { email: f.string().unique(), handle: f.string().unique(), visits: f.int().default(0) }, { schemafull: true });

const Reading = model('reading', { sensor: f.string(), value: f.int(), note: f.string().optional() }, { schemafull: true });

describe.each(transportNames)('aggregates, bulkCreate and iterate over %s', (transport) => {
  let db: TestConnection;

  beforeAll(async () => {
    db = await transports[transport](`orm_bulk_${transport}`);
    configure({ default: db.client });
    await pushSchema([Reading, Member]);
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

  it('bulkUpsert() updates the records its key matches and creates the others, one atomic query per batch', async () => {
    await Member.objects.bulkCreate(Array.from({ length: 400 }, (_, i) => ({ email: `m${i}@x.io`, handle: `h${i}` })));
    const rows = Array.from({ length: 1000 }, (_, i) => ({ email: `m${i}@x.io`, handle: `h${i}`, visits: i }));
    const client = counting(db.client);
    const stored = await Member.objects.using(client).bulkUpsert(rows, { key: 'email', batchSize: 500 });
    expect(client.queries).toBe(2);
    expect(stored.map((m) => m.visits)).toEqual(rows.map((r) => r.visits));
    expect(await Member.objects.count()).toBe(1000);
    expect((await Member.objects.get({ email: 'm7@x.io' })).visits).toBe(7);
  });

  it('bulkUpsert() leaves the whole batch unwritten when the server refuses one row', async () => {
    // The second row takes h1's handle: its unique index refuses it, and the first row is rolled back with it.
    const rows = [{ email: 'new@x.io', handle: 'fresh', visits: 1 }, { email: 'm2@x.io', handle: 'h1', visits: 99 }];
    await expect(Member.objects.bulkUpsert(rows, { key: 'email' })).rejects.toThrow(/member_handle_unique/);
    expect(await Member.objects.filter({ email: 'new@x.io' }).exists()).toBe(false);
    expect((await Member.objects.get({ email: 'm2@x.io' })).visits).toBe(2);
  });

  it('bulkUpsert() takes only unique fields (or id) as its key, and checks every row before sending any', async () => {
    await expect(Member.objects.bulkUpsert([{ email: 'a@x.io', handle: 'a' }], { key: 'visits' as never })).rejects.toThrow(/not declared .unique\(\)/);
    const bad = [{ email: 'b@x.io', handle: 'b' }, { email: 'c@x.io', handle: 'c', visits: 'many' as never }];
    await expect(Member.objects.bulkUpsert(bad, { key: 'email' })).rejects.toBeInstanceOf(ValidationError);
    expect(await Member.objects.filter({ email__in: ['b@x.io', 'c@x.io'] }).count()).toBe(0);
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
