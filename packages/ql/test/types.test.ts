/**
 * Result types flow from the builders (checked by `tsc -p tsconfig.json`, which includes this
 * file; the runtime assertions keep vitest honest about the builders themselves).
 */
import type { Datetime, RecordId, Uuid } from '@sdb/protocol';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { batch, create, eq, field, fn, insert, ret, select, update, type CompiledBatch, type Expression } from '../src/index.ts';

interface Person {
  id: RecordId;
  name: string;
  age: number;
}

describe('result types', () => {
  it('select<T>() yields T[], ONLY yields T | undefined', () => {
    expectTypeOf(select<Person>('person')).toExtend<Expression<Person[]>>();
    expectTypeOf(select<Person>('person').only()).toExtend<Expression<Person | undefined>>();
    expect(select<Person>('person').node.kind).toBe('select');
  });

  it('a field list narrows the row type', () => {
    expectTypeOf(select<Person>('person').fields('name', 'age')).toExtend<Expression<Pick<Person, 'name' | 'age'>[]>>();
    // @ts-expect-error: `email` is not a field of Person
    select<Person>('person').fields('email');
  });

  it('aliased expressions give their own types', () => {
    const q = select<Person>('person').fields({ n: fn.count(), avg: fn.math.mean(field<number[]>('ages')), up: fn.string.uppercase(field('name')) });
    expectTypeOf(q).toExtend<Expression<{ n: number; avg: number; up: string }[]>>();
  });

  it('VALUE yields the field type', () => {
    expectTypeOf(select<Person>('person').value('age')).toExtend<Expression<number[]>>();
    expectTypeOf(select('person').value(fn.time.now())).toExtend<Expression<Datetime[]>>();
  });

  it('mutations carry the record type', () => {
    expectTypeOf(create<Person>('person').only()).toExtend<Expression<Person>>();
    expectTypeOf(update<Person>('person')).toExtend<Expression<Person[]>>();
    expectTypeOf(insert<Person>('person', [])).toExtend<Expression<Person[]>>();
  });

  it('a batch remembers each statement result type', () => {
    const q = batch(ret(fn.rand.uuid()), select<Person>('person').value('name'));
    expectTypeOf(q).toExtend<CompiledBatch<[Uuid, string[]]>>();
    expect(q.query.split('\n')).toHaveLength(2);
  });
});

describe('immutability', () => {
  it('freezes the whole node tree but not the bound values, and builders return new statements', () => {
    const row = { name: 'Ann' };
    const base = select<Person>('person');
    const q = base.fields('name').where(eq('name', 'Ann')).orderBy('name');
    expect(base.node.fields).toBeUndefined();
    expect(Object.isFrozen(q.node)).toBe(true);
    expect(Object.isFrozen(q.node.fields)).toBe(true);
    expect(Object.isFrozen(q.node.fields![0])).toBe(true);
    expect(Object.isFrozen((q.node.order as readonly object[])[0])).toBe(true);
    const c = create('person').content(row);
    expect(Object.isFrozen(c.node.data)).toBe(true);
    expect(Object.isFrozen(row)).toBe(false);
  });
});
