/**
 * The graph and record references on the real engine, over @sdb/ws, @sdb/http and the embedded
 * client: lookups through edges and reverse relations, multi-hop traversal, and
 * `reference({ onDelete })` with each of its four actions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configure, defineNodes, f, model, ModelDefinitionError, pushSchema, Q, QuerySetError, type Relation } from '../src/index.ts';
import { compile, DefineStatement } from '@sdb/ql';
import { transportNames, transports, type TestConnection } from './clients.ts';
import { Company, Knows, models, Person } from './relation-models.ts';

const names = (people: readonly { name: string }[]) => new Set(people.map((p) => p.name));

const Team = model('team', { name: f.string() }, { reverse: { members: (): Relation => Member.via('team') } });
const Member = model('member', {
  name: f.string(),
  team: f.link(() => Team).reference({ onDelete: 'cascade' }),
  mentor: f.link(() => Team).optional().reference({ onDelete: 'unset' }),
  sponsor: f.link(() => Team).optional().reference({ onDelete: 'reject' }),
  alumni: f.array(f.link(() => Team)).default([]).reference({ onDelete: 'ignore' }),
}, { schemafull: true });

describe.each(transportNames)('graph lookups, traversal and references over %s', (transport) => {
  let db: TestConnection;

  beforeAll(async () => {
    db = await transports[transport](`orm_graph_${transport}`);
    configure({ default: db.client });
    await pushSchema([...models, Team, Member]);
    const acme = await Company.objects.create({ name: 'Acme' });
    const [ann, bob, cy, di] = await Person.objects.bulkCreate([
      { id: 'ann', name: 'Ann', age: 31, company: acme.id },
      { id: 'bob', name: 'Bob', age: 17, company: acme.id },
      { id: 'cy', name: 'Cy', age: 44 },
      { id: 'di', name: 'Di', age: 52 },
    ]);
    await ann!.related(Knows).add(bob!, { since: 2019 });
    await ann!.related(Knows).add(cy!, { since: 2023 });
    await bob!.related(Knows).add(cy!, { since: 2021 });
    await cy!.related(Knows).add(di!, { since: 2022 });
  });

  afterAll(() => db?.close());

  it('filters through an edge end: knows__out__name', async () => {
    expect(names(await Person.objects.filter({ knows__out__name: 'Cy' }))).toEqual(new Set(['Ann', 'Bob']));
    expect(names(await Person.objects.filter({ knows__out__age__gte: 50 }))).toEqual(new Set(['Cy']));
    expect(names(await Person.objects.exclude({ knows__out__name: 'Cy' }))).toEqual(new Set(['Cy', 'Di']));
  });

  it("filters on an edge's own fields and through a reverse relation (with Q)", async () => {
    expect(names(await Person.objects.filter(Q.and<Record<string, unknown>[]>({ knows__since__gte: 2022 })))).toEqual(new Set(['Ann', 'Cy']));
    expect(names(await Person.objects.filter(Q.and<Record<string, unknown>[]>({ followers__name: 'Ann' })))).toEqual(new Set(['Bob', 'Cy']));
    expect((await Company.objects.filter(Q.and<Record<string, unknown>[]>({ employees__age__lt: 18 }))).map((c) => c.name)).toEqual(['Acme']);
    expect(await Company.objects.filter(Q.and<Record<string, unknown>[]>({ employees__age__gt: 90 })).count()).toBe(0);
  });

  it('traverse(Knows, Knows) reaches friends of friends, each once, as a queryset', async () => {
    const fof = Person.objects.filter({ name: 'Ann' }).traverse(Knows, Knows);
    expect(new Set((await fof.values('name')).map((row) => row.name))).toEqual(new Set(['Cy', 'Di']));
    expect(await fof.count()).toBe(2);
    expect(names(await fof.filter({ age__gte: 50 }))).toEqual(new Set(['Di']));
    expect((await Person.objects.filter({ name: 'Ann' }).traverse(Knows, Knows).orderBy('name').all()).map((p) => p.name)).toEqual(['Cy', 'Di']);
  });

  it("traverse() walks an edge back with direction: 'in'", async () => {
    const whoKnowsCy = Person.objects.filter({ name: 'Cy' }).traverse({ edge: Knows, direction: 'in' });
    expect(names(await whoKnowsCy)).toEqual(new Set(['Ann', 'Bob']));
  });

  it('traverse({ edge, depth }) walks 1 to n hops, every record reached once (recursive idiom)', async () => {
    const ann = Person.objects.filter({ name: 'Ann' });
    expect(names(await ann.traverse({ edge: Knows, depth: 1 }))).toEqual(new Set(['Bob', 'Cy']));
    expect(names(await ann.traverse({ edge: Knows, depth: 3 }))).toEqual(new Set(['Bob', 'Cy', 'Di']));
    // Cy is two hops away too (via Bob), but was first reached in one: min counts the first visit
    expect(names(await ann.traverse({ edge: Knows, depth: { min: 2, max: 2 } }))).toEqual(new Set(['Di']));
    expect(names(await ann.traverse({ edge: Knows, depth: 1 }, Knows))).toEqual(new Set(['Cy', 'Di']));
    expect(() => ann.traverse({ edge: Knows, depth: 0 })).toThrow(/1\.\.256/);
  });

  it('refuses a lookup after a bare relation, an unknown relation and a step from another model', () => {
    expect(() => Person.objects.filter(Q.and<Record<string, unknown>[]>({ knows: 'x' })).toQuery()).toThrow(QuerySetError);
    expect(() => Person.objects.filter(Q.and<Record<string, unknown>[]>({ enemies__name: 'x' })).toQuery()).toThrow(QuerySetError);
    expect(() => Company.objects.traverse(Knows)).toThrow(QuerySetError);
    expect(() => Person.objects.traverse(Person as never)).toThrow(QuerySetError);
  });

  it('defines REFERENCE ON DELETE for each action, top level only', () => {
    const texts = defineNodes(Member).map((node) => compile(new DefineStatement(node)).query);
    expect(texts).toContain('DEFINE FIELD OVERWRITE team ON TABLE member TYPE record<team> REFERENCE ON DELETE CASCADE;');
    expect(texts.find((t) => t.includes(' alumni '))).toContain('REFERENCE ON DELETE IGNORE');
    expect(() => f.object({ t: f.link(() => Team).reference() })).toThrow(ModelDefinitionError);
    expect(() => f.array(f.link(() => Team).reference())).toThrow(ModelDefinitionError);
    expect(() => f.string().reference()).toThrow(ModelDefinitionError);
  });

  it('deleting a referenced record cascades, unsets, is refused, or leaves the link, as declared', async () => {
    const [red, blue, green] = await Team.objects.bulkCreate([{ name: 'Red' }, { name: 'Blue' }, { name: 'Green' }]);
    await Member.objects.create({ id: 'm1', name: 'M1', team: red!.id, mentor: blue!.id, alumni: [green!.id] });
    await Member.objects.create({ id: 'm2', name: 'M2', team: blue!.id, sponsor: green!.id });
    expect(names(await Member.objects.filter(Q.and<Record<string, unknown>[]>({ team__name: 'Red' })))).toEqual(new Set(['M1']));
    await blue!.delete(); // m1.mentor is unset, m2 (team: blue) is deleted
    expect(await Member.objects.filter({ name: 'M2' }).exists()).toBe(false);
    const [m1] = await Member.objects.filter({ name: 'M1' });
    expect(m1!.mentor).toBeUndefined();
    await Member.objects.create({ id: 'm3', name: 'M3', team: red!.id, sponsor: green!.id });
    await expect(green!.delete()).rejects.toThrow(/REJECT/);
    await Member.objects.filter({ name: 'M3' }).delete();
    const greenId = String(green!.id);
    await green!.delete(); // ignore: m1.alumni keeps the id of a deleted record
    expect((await Member.objects.get({ name: 'M1' })).alumni.map(String)).toEqual([greenId]);
    await red!.delete();
    expect(await Member.objects.count()).toBe(0);
  });
});
