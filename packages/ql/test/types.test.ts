/**
 * Result and condition types flow from the builders (checked by `tsc -p tsconfig.json`, which
 * includes this file: an `expectTypeOf` mismatch or an unused `@ts-expect-error` fails it; the
 * runtime assertions keep vitest honest about the builders themselves).
 */
import type { Datetime, RecordId, RpcClient, Uuid } from '@sdb/protocol';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  and,
  batch,
  compile,
  contains,
  create,
  deleteFrom,
  eq,
  field,
  fn,
  gt,
  gte,
  inside,
  insert,
  not,
  or,
  ret,
  run,
  runBatch,
  select,
  update,
  type CompiledBatch,
  type Condition,
  type Expression,
} from '../src/index.ts';

interface Address {
  city: string;
  zip?: string;
}

interface Person {
  id: RecordId;
  name: string;
  age: number;
  status: 'active' | 'gone';
  email?: string;
  tags: string[];
  address: Address;
  best: RecordId;
}

/** The result type an expression or statement carries. */
type Result<E> = E extends Expression<infer R> ? R : never;

describe('result types', () => {
  it('select<T>() yields T[], ONLY yields T | undefined', () => {
    expectTypeOf<Result<ReturnType<typeof select<Person>>>>().toEqualTypeOf<Person[]>();
    expectTypeOf<Result<ReturnType<ReturnType<typeof select<Person>>['only']>>>().toEqualTypeOf<Person | undefined>();
    expect(select<Person>('person').node.kind).toBe('select');
  });

  it('run() of a SELECT ONLY may be undefined (the record may be missing)', () => {
    const q = select<Person>(field('id')).only();
    const running = (client: RpcClient) => run(client, q);
    expectTypeOf(running).returns.resolves.toEqualTypeOf<Person | undefined>();
    expect(q.node.only).toBe(true);
  });

  it('ONLY survives fields() and value(), in either order', () => {
    const base = select<Person>('person');
    const picked = base.only().fields('name');
    expectTypeOf<Result<typeof picked>>().toEqualTypeOf<Pick<Person, 'name'> | undefined>();
    const pickedFirst = base.fields('name').only();
    expectTypeOf<Result<typeof pickedFirst>>().toEqualTypeOf<Pick<Person, 'name'> | undefined>();
    const value = base.only().value('age');
    expectTypeOf<Result<typeof value>>().toEqualTypeOf<number | undefined>();
    const computed = base.only().value(fn.string.uppercase(field('name')));
    expectTypeOf<Result<typeof computed>>().toEqualTypeOf<string | undefined>();
    expect(compile(picked).query).toBe('SELECT name FROM ONLY person;');
  });

  it('fields() calls add up in the row type as in the query', () => {
    const q = select<Person>('person').fields('name').fields('age').fields({ n: fn.count() });
    expectTypeOf<Result<typeof q>>().toEqualTypeOf<{ name: string; age: number; n: number }[]>();
    expect(compile(q).query).toBe('SELECT name, age, count() AS n FROM person;');
  });

  it('runBatch() keeps each result type, undefined included', () => {
    const q = batch(select<Person>(field('id')).only(), select<Person>('person').value('name'));
    expectTypeOf(q).toEqualTypeOf<CompiledBatch<[Person | undefined, string[]]>>();
    const running = (client: RpcClient) => runBatch(client, q);
    expectTypeOf(running).returns.resolves.toEqualTypeOf<[Person | undefined, string[]]>();
    expect(q.query.split('\n')).toHaveLength(2);
  });

  it('mutations with ONLY: CREATE and RELATE give the record, UPDATE and DELETE may give undefined', () => {
    expectTypeOf<Result<ReturnType<ReturnType<typeof create<Person>>['only']>>>().toEqualTypeOf<Person>();
    const updated = update<Person>('person').only();
    expectTypeOf<Result<typeof updated>>().toEqualTypeOf<Person | undefined>();
    const deleted = deleteFrom('person');
    expectTypeOf<Result<typeof deleted>>().toEqualTypeOf<never[]>();
    const returned = deleteFrom('person').return<Person>('before').only();
    expectTypeOf<Result<typeof returned>>().toEqualTypeOf<Person | undefined>();
    expect(compile(returned).query).toBe('DELETE ONLY person RETURN BEFORE;');
  });

  it('a field list narrows the row type', () => {
    expectTypeOf(select<Person>('person').fields('name', 'age')).toExtend<Expression<Pick<Person, 'name' | 'age'>[]>>();
    // @ts-expect-error: `phone` is not a field of Person
    select<Person>('person').fields('phone');
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

describe('conditions typed by the row type', () => {
  const people = select<Person>('person');

  it('accepts fields of the row compared with values of their type', () => {
    const q = people
      .where(and(gte('age', 18), eq('status', 'active'), eq('address.city', 'Paris'), eq('email', undefined)))
      .where(or(inside('age', [30, 40]), contains('tags', 'vip'), not(eq('name', 'Ann'))))
      .where(eq('best.name', 'Bob')) // a record link: the engine follows it, its fields are not in Person
      .where(gt('age', field<number>('limit')))
      .where(fn.string.startsWith(field('name'), 'A'));
    expect(compile(q).query).toContain('WHERE age >= $p0 AND status = $p1');
  });

  it('refuses a value of the wrong type', () => {
    // @ts-expect-error: age is a number
    people.where(eq('age', 'x'));
    // @ts-expect-error: status is 'active' | 'gone'
    people.where(eq('status', 'away'));
    // @ts-expect-error: INSIDE wants a list of the field's type
    people.where(inside('age', ['x']));
    // @ts-expect-error: tags holds strings
    people.where(contains('tags', 1));
    // @ts-expect-error: compared with a string expression
    people.where(eq('age', fn.string.uppercase('x')));
    // @ts-expect-error: the same on UPDATE
    update<Person>('person').where(gt('age', 'x'));
    // @ts-expect-error: only the type is refused; the query itself still builds
    expect(compile(people.where(eq('age', 'x'))).bindings).toEqual({ p0: 'x' });
  });

  it('refuses a misspelled field, at the top or nested, inside and/or/not', () => {
    // @ts-expect-error: no field agee
    people.where(eq('agee', 30));
    // @ts-expect-error: no field address.cty
    people.where(eq('address.cty', 'Paris'));
    // @ts-expect-error: one bad branch spoils the whole condition
    people.where(and(gte('age', 18), or(eq('nmae', 'Ann'), eq('name', 'Bob'))));
    // @ts-expect-error: through not()
    people.where(not(eq('agee', 30)));
    // @ts-expect-error: only the type is refused; the query itself still builds
    expect(compile(people.where(eq('agee', 30))).query).toBe('SELECT * FROM person WHERE agee = $p0;');
  });

  it('checks nothing without a row type', () => {
    const q = select('t').where(eq('a', 1)).where(eq('b', 'x'));
    expect(compile(q).query).toBe('SELECT * FROM t WHERE a = $p0 AND b = $p1;');
  });

  it('and()/or() may be undefined only when every argument may be', () => {
    const maybe = undefined as Condition | undefined;
    expectTypeOf(and(eq('a', 1), maybe)).toExtend<Condition<any>>();
    expectTypeOf(and(maybe)).toEqualTypeOf<Condition<never> | undefined>();
    expectTypeOf(or()).toEqualTypeOf<Condition<never> | undefined>();
    expect(and(maybe)).toBeUndefined();
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
