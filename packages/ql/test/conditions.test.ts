/**
 * The condition language: each operator compiled and evaluated by the real engine, precedence
 * kept by parentheses, and @sdb/functions calls mixed in.
 */
import { GeometryPoint, GeometryPolygon, GeometryLine } from '@sdb/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestClient, type TestClient } from '../../embedded/test-support/index.ts';
import {
  add,
  allInside,
  and,
  anyInside,
  coalesce,
  compile,
  contains,
  containsAll,
  containsAny,
  containsNone,
  containsNot,
  div,
  eq,
  exactEq,
  field,
  fn,
  gt,
  gte,
  inside,
  intersects,
  lt,
  lte,
  mul,
  ne,
  noneInside,
  not,
  notInside,
  or,
  outside,
  ret,
  run,
  select,
  sub,
  type Expression,
} from '../src/index.ts';

let t: TestClient;

beforeAll(async () => {
  t = await connectTestClient('ql_conditions');
});

afterAll(() => t?.close());

const truth = (condition: Expression) => run(t.client, ret(condition));

describe('comparison operators', () => {
  it.each([
    ['eq', eq(fn.math.abs(-2), 2), '=', true],
    ['ne', ne(fn.math.abs(-2), 3), '!=', true],
    ['exactEq', exactEq(fn.type.int('2'), 2), '==', true],
    ['gt', gt(fn.math.abs(-2), 1), '>', true],
    ['gte', gte(fn.math.abs(-2), 2), '>=', true],
    ['lt', lt(fn.math.abs(-2), 2), '<', false],
    ['lte', lte(fn.math.abs(-2), 2), '<=', true],
  ] as const)('%s prints %s and evaluates', async (_, condition, op, expected) => {
    expect(compile(condition).query).toContain(` ${op} `);
    expect(await truth(condition)).toBe(expected);
  });
});

describe('membership operators', () => {
  const tags = fn.array.concat(['a', 'b'], ['c']);
  it.each([
    ['inside', inside(fn.string.lowercase('A'), ['a', 'z']), 'INSIDE', true],
    ['notInside', notInside(fn.string.lowercase('A'), ['z']), 'NOTINSIDE', true],
    ['contains', contains(tags, 'a'), 'CONTAINS', true],
    ['containsNot', containsNot(tags, 'q'), 'CONTAINSNOT', true],
    ['containsAll', containsAll(tags, ['a', 'c']), 'CONTAINSALL', true],
    ['containsAny', containsAny(tags, ['x', 'c']), 'CONTAINSANY', true],
    ['containsNone', containsNone(tags, ['x', 'y']), 'CONTAINSNONE', true],
    ['allInside', allInside(tags, ['a', 'b', 'c', 'd']), 'ALLINSIDE', true],
    ['anyInside', anyInside(tags, ['c']), 'ANYINSIDE', true],
    ['noneInside', noneInside(tags, ['x']), 'NONEINSIDE', true],
  ] as const)('%s prints %s and evaluates', async (_, condition, op, expected) => {
    expect(compile(condition).query).toContain(` ${op} `);
    expect(await truth(condition)).toBe(expected);
  });
});

describe('geometry operators', () => {
  const square = new GeometryPolygon([new GeometryLine([new GeometryPoint([0, 0]), new GeometryPoint([0, 10]), new GeometryPoint([10, 10]), new GeometryPoint([10, 0]), new GeometryPoint([0, 0])])]);
  it('tests a point INSIDE, OUTSIDE and INTERSECTS a polygon', async () => {
    const point = fn.type.point([5, 5]);
    expect(compile(inside(point, square)).query).toBe('RETURN type::point($p0) INSIDE $p1;');
    expect(await truth(inside(point, square))).toBe(true);
    expect(await truth(outside(fn.type.point([50, 50]), square))).toBe(true);
    expect(compile(intersects(point, square)).query).toBe('RETURN type::point($p0) INTERSECTS $p1;');
    expect(await truth(intersects(point, square))).toBe(true);
  });
});

describe('logic and precedence', () => {
  it('keeps an OR inside an AND in parentheses', async () => {
    const c = and(or(eq(fn.math.abs(1), 2), eq(fn.math.abs(1), 1)), not(eq(fn.math.abs(1), 3)));
    expect(compile(c).query).toBe('RETURN (math::abs($p0) = $p1 OR math::abs($p2) = $p3) AND !(math::abs($p4) = $p5);');
    expect(await truth(c)).toBe(true);
  });

  it('skips undefined conditions in and()', () => {
    const maybe: Expression<boolean> | undefined = undefined;
    expect(compile(select('x').where(and(eq('a', 1), maybe))).query).toBe('SELECT * FROM x WHERE a = $p0;');
  });

  it('gives no condition (undefined) from and() and or() when every argument is undefined', async () => {
    const filters = { city: undefined as string | undefined, minAge: undefined as number | undefined };
    const none = and(filters.city === undefined ? undefined : eq('city', filters.city), filters.minAge === undefined ? undefined : gte('age', filters.minAge));
    expect(none).toBeUndefined();
    expect(and()).toBeUndefined();
    expect(or(undefined, undefined)).toBeUndefined();
    const q = select('person').where(none);
    expect(compile(q).query).toBe('SELECT * FROM person;');
    await t.client.queryAll('CREATE person:one SET city = "Paris"');
    expect(await run(t.client, q.value('city'))).toEqual(['Paris']);
  });

  it('skips undefined in or() and keeps the present conditions', async () => {
    const c = or(undefined, eq(fn.math.abs(-1), 5), undefined, eq(fn.math.abs(-1), 1));
    expect(compile(c).query).toBe('RETURN math::abs($p0) = $p1 OR math::abs($p2) = $p3;');
    expect(await truth(c)).toBe(true);
  });

  it('parenthesises arithmetic by precedence', async () => {
    const e = mul(add(fn.math.abs(1), 2), sub(fn.math.abs(10), div(fn.math.abs(8), 4)));
    expect(compile(e).query).toBe('RETURN (math::abs($p0) + $p1) * (math::abs($p2) - math::abs($p3) / $p4);');
    expect(await run(t.client, ret(e))).toBe(24);
  });

  it('falls back with ?? when a value is NONE', async () => {
    const e = coalesce(field('missing'), 'default');
    expect(compile(e).query).toBe('RETURN missing ?? $p0;');
    expect(await run(t.client, ret(e))).toBe('default');
  });
});
