/**
 * Edge models and the relation manager on the real engine, over @sdb/ws, @sdb/http and the
 * embedded client: pushSchema defines the edge table (so a fresh database answers [] and 0),
 * RELATE/DELETE through add remove set clear, reads through all filter count exists edges,
 * both directions, and the typed refusals.
 */
import { RecordId } from '@sdb/protocol';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { configure, pushSchema, QuerySetError, RecordNotAffectedError, ValidationError } from '../src/index.ts';
import { counting } from './counting.ts';
import { transportNames, transports, type TestConnection } from './clients.ts';
import { Knows, models, Person } from './relation-models.ts';

const names = (people: readonly { name: string }[]) => new Set(people.map((p) => p.name));

describe.each(transportNames)('edges and relation managers over %s', (transport) => {
  let db: TestConnection;
  let ann: InstanceType<typeof Person>;
  let bob: InstanceType<typeof Person>;
  let cy: InstanceType<typeof Person>;

  beforeAll(async () => {
    db = await transports[transport](`orm_edges_${transport}`);
    configure({ default: db.client });
    await pushSchema(models);
    [ann, bob, cy] = await Person.objects.bulkCreate([{ name: 'Ann', age: 31 }, { name: 'Bob', age: 25 }, { name: 'Cy', age: 40 }]) as [typeof ann, typeof bob, typeof cy];
  });

  beforeEach(async () => {
    await Knows.objects.delete();
  });

  afterAll(() => db?.close());

  it('pushSchema defines the edge table: a manager on a fresh database answers [] and 0', async () => {
    const info = (await db.client.queryAll('INFO FOR TABLE knows'))[0] as { fields: Record<string, string> };
    expect(Object.keys(info.fields).sort()).toEqual(['in', 'out', 'since']);
    expect(await ann.related(Knows).all()).toEqual([]);
    expect(await ann.related(Knows).count()).toBe(0);
    expect(await ann.related(Knows).exists()).toBe(false);
    expect(await ann.related(Knows).edges()).toEqual([]);
  });

  it('add() relates with the edge fields, and edges() answers them typed { id, in, out, since }', async () => {
    const [created] = await ann.related(Knows).add(bob, { since: 2021 });
    expect(created!.in).toEqual(ann.id);
    expect(created!.out).toEqual(bob.id);
    const [stored] = await ann.related(Knows).edges();
    expect({ in: stored!.in, out: stored!.out, since: stored!.since }).toEqual({ in: ann.id, out: bob.id, since: 2021 });
    expect(stored!.id.table).toBe('knows');
  });

  it('all(), filter(), count() and exists() read the far end, each record once', async () => {
    await ann.related(Knows).add([bob, cy]);
    await ann.related(Knows).add(bob, { since: 2024 }); // a parallel edge: Bob is still one person
    expect(names(await ann.related(Knows).all())).toEqual(new Set(['Bob', 'Cy']));
    expect(names(await ann.related(Knows).filter({ age__gte: 30 }))).toEqual(new Set(['Cy']));
    expect(await ann.related(Knows).count()).toBe(2);
    expect(await bob.related(Knows).exists()).toBe(false);
  });

  it('the far-end queryset orders, slices and updates only the related records', async () => {
    await ann.related(Knows).add([bob, cy]);
    expect((await ann.related(Knows).objects().orderBy('-name').limit(1).all()).map((p) => p.name)).toEqual(['Cy']);
    expect(await ann.related(Knows).filter({ name: 'Bob' }).update({ age: 26 })).toBe(1);
    expect((await Person.objects.get({ name: 'Bob' })).age).toBe(26);
    expect((await Person.objects.get({ name: 'Ann' })).age).toBe(31);
  });

  it("direction: 'in' reads who points at the record", async () => {
    await ann.related(Knows).add(cy);
    await bob.related(Knows).add(cy);
    expect(names(await cy.related(Knows, { direction: 'in' }).all())).toEqual(new Set(['Ann', 'Bob']));
    expect(await cy.related(Knows, { direction: 'in' }).edges().count()).toBe(2);
    await cy.related(Knows, { direction: 'in' }).remove(ann);
    expect(names(await cy.related(Knows, { direction: 'in' }).all())).toEqual(new Set(['Bob']));
  });

  it('remove() deletes the edges to the targets and answers how many; nothing to remove raises', async () => {
    await ann.related(Knows).add([bob, cy]);
    expect(await ann.related(Knows).remove(bob)).toBe(1);
    expect(names(await ann.related(Knows).all())).toEqual(new Set(['Cy']));
    await expect(ann.related(Knows).remove(bob)).rejects.toBeInstanceOf(RecordNotAffectedError);
  });

  it('set() leaves exactly the targets related, in two queries, keeping the edges it keeps', async () => {
    const [kept] = await ann.related(Knows).add(bob, { since: 2000 });
    await ann.related(Knows).add(cy);
    const client = counting(db.client);
    await ann.related(Knows, { using: client }).set([bob, new RecordId('person', ann.id.id)], { since: 2025 });
    expect(client.queries).toBe(2);
    const edges = await ann.related(Knows).edges();
    expect(new Set(edges.map((e) => String(e.out)))).toEqual(new Set([String(bob.id), String(ann.id)]));
    expect(edges.find((e) => String(e.out) === String(bob.id))!.id).toEqual(kept!.id);
    expect(edges.find((e) => String(e.out) === String(ann.id))!.since).toBe(2025);
  });

  it('clear() deletes every edge of the record and answers the count, 0 when there were none', async () => {
    await ann.related(Knows).add([bob, cy]);
    await bob.related(Knows).add(cy);
    expect(await ann.related(Knows).clear()).toBe(2);
    expect(await ann.related(Knows).clear()).toBe(0);
    expect(await bob.related(Knows).count()).toBe(1);
  });

  it('each manager call is one query (set aside, two)', async () => {
    const client = counting(db.client);
    const manager = ann.related(Knows, { using: client });
    await manager.add([bob, cy], { since: 1 });
    await manager.all();
    await manager.count();
    await manager.exists();
    await manager.edges();
    await manager.remove(cy);
    await manager.clear();
    expect(client.queries).toBe(7);
  });

  it('refuses bad input before sending: wrong table, bad edge data, unsaved records, a foreign edge', async () => {
    const client = counting(db.client);
    const manager = ann.related(Knows, { using: client });
    await expect(manager.add(new RecordId('company', 'x') as never)).rejects.toBeInstanceOf(ValidationError);
    await expect(manager.add(bob, { since: 'soon' } as never)).rejects.toBeInstanceOf(ValidationError);
    await expect(manager.add(new Person({ name: 'Unsaved' }))).rejects.toBeInstanceOf(QuerySetError);
    expect(() => new Person({ name: 'Unsaved' }).related(Knows).all()).toThrow(QuerySetError);
    expect(client.queries).toBe(0);
  });
});
