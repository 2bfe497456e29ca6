/**
 * The types relations give, checked by `tsc -p tsconfig.json` (which includes this file): edge
 * records, the relation manager's far-end model per direction, selectRelated's instances,
 * Prefetch-typed relations, traverse()'s target, and edge-end lookup keys. Queries are only typed
 * here, never run (they sit inside arrow functions).
 */
import type { RecordId } from '@sdb/protocol';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { Prefetch, type Infer } from '../src/index.ts';
import { Company, Knows, Person } from './relation-models.ts';

type PersonInstance = InstanceType<typeof Person>;

describe('relation types', () => {
  it('an edge record is { id, in, out, ...fields }', () => {
    expectTypeOf<Infer<typeof Knows>>().toEqualTypeOf<{ id: RecordId<'knows'>; in: RecordId<'person'>; out: RecordId<'person'>; since?: number }>();
    expect(Object.keys(Knows.fields)).toEqual(['in', 'out', 'since']);
  });

  it("the manager answers instances of the far end, edges() the edge records, add() takes the edge's fields", () => {
    const ann = null as unknown as PersonInstance;
    expectTypeOf(() => ann.related(Knows).all()).returns.resolves.items.toHaveProperty('name').toEqualTypeOf<string>();
    expectTypeOf(() => ann.related(Knows, { direction: 'in' }).all()).returns.resolves.items.toHaveProperty('age').toEqualTypeOf<number>();
    expectTypeOf(() => ann.related(Knows).edges().all()).returns.resolves.items.toHaveProperty('since').toEqualTypeOf<number | undefined>();
    // @ts-expect-error since is an int
    const wrong = () => ann.related(Knows).add(ann, { since: 'x' });
    expect(typeof wrong).toBe('function');
  });

  it('selectRelated() makes the link an instance; Prefetch types the relation it loads', () => {
    const withCompany = () => Person.objects.selectRelated('company').all();
    expectTypeOf(withCompany).returns.resolves.items.toHaveProperty('company').toEqualTypeOf<InstanceType<typeof Company> | undefined>();
    const withEmployees = () => Company.objects.prefetchRelated(Prefetch('employees', Person.objects)).all();
    expectTypeOf(withEmployees).returns.resolves.items.toHaveProperty('employees').toEqualTypeOf<PersonInstance[]>();
    // @ts-expect-error name is not a link
    const notLink = () => Person.objects.selectRelated('name');
    expect(typeof notLink).toBe('function');
  });

  it('traverse() answers a queryset of the last edge\'s far end; edge-end lookup keys compile', () => {
    const fof = () => Person.objects.traverse(Knows, { edge: Knows, direction: 'in' }).values('name');
    expectTypeOf(fof).returns.resolves.items.toEqualTypeOf<{ name: string }>();
    const throughEdge = () => Person.objects.filter({ knows__out__name: 'Bob', age__gte: 3 });
    // @ts-expect-error agee: no such field, with or without edge lookups
    const typo = () => Person.objects.filter({ agee: 3 });
    expect([typeof throughEdge, typeof typo]).toEqual(['function', 'function']);
  });
});
