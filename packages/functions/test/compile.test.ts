import { describe, expect, expectTypeOf, it } from 'vitest';
import { ArityError, Expression, closure, compile, fn, isExpression, math, param, string } from '../src/index.ts';

describe('compiling function calls', () => {
  it('binds every argument as a numbered parameter', () => {
    expect(compile(fn.math.mean([1, 2, 3]))).toEqual({ query: 'RETURN math::mean($p0)', bindings: { p0: [1, 2, 3] } });
  });

  it('nests calls and keeps parameter order deterministic', () => {
    const q = compile(string.concat(string.uppercase('a'), '-', string.lowercase('B')));
    expect(q.query).toBe('RETURN string::concat(string::uppercase($p0), $p1, string::lowercase($p2))');
    expect(q.bindings).toEqual({ p0: 'a', p1: '-', p2: 'B' });
  });

  it('camelCases snake_case names and nests `::` namespaces', () => {
    expect(compile(fn.string.distance.damerauLevenshtein('a', 'b')).query).toBe('RETURN string::distance::damerau_levenshtein($p0, $p1)');
    expect(compile(fn.array.sort.asc([3, 1])).query).toBe('RETURN array::sort::asc($p0)');
    expect(compile(fn.array.sort([3, 1])).query).toBe('RETURN array::sort($p0)');
    expect(compile(fn.rand()).query).toBe('RETURN rand()');
    expect(compile(fn.count()).query).toBe('RETURN count()');
  });

  it('prints closures with their parameters', () => {
    const upper = closure(['s'], (s) => string.uppercase(s));
    expect(compile(fn.array.map(['a'], upper)).query).toBe('RETURN array::map($p0, |$s| string::uppercase($s))');
  });

  it('prints an array or object literal around nested expressions, quoting odd keys', () => {
    const q = compile(fn.object.keys({ plain: math.abs(-1), 'odd key"': 2 }));
    expect(q.query).toBe('RETURN object::keys({ plain: math::abs($p0), "odd key\\"": $p1 })');
    expect(q.bindings).toEqual({ p0: -1, p1: 2 });
  });

  it('rejects a wrong number of arguments with an ArityError', () => {
    expect(() => (fn.math.abs as (...a: unknown[]) => unknown)()).toThrow(ArityError);
    expect(() => (fn.math.abs as (...a: unknown[]) => unknown)(1, 2)).toThrow(/math::abs\(\) takes 1 argument/);
  });

  it('refuses parameter names reserved for bound values', () => {
    expect(() => param('p0')).toThrow(/reserved/);
  });

  it('types the result of each builder from the catalogue', () => {
    expectTypeOf(math.mean([1, 2])).toEqualTypeOf<Expression<number>>();
    expectTypeOf(string.isEmail('a@b.c')).toEqualTypeOf<Expression<boolean>>();
    expectTypeOf(string.split('a,b', ',')).toEqualTypeOf<Expression<string[]>>();
    expect(isExpression(math.mean([1]))).toBe(true);
  });

  it('freezes the node tree', () => {
    const e = math.abs(1);
    expect(Object.isFrozen(e)).toBe(true);
    expect(Object.isFrozen(e.node)).toBe(true);
  });
});

describe('the package entries', () => {
  it('gives each namespace by name and inside `fn`, the same builders', async () => {
    const root = await import('../src/index.ts');
    expect(root.string).toBe(fn.string);
    expect(root.math.mean).toBe(fn.math.mean);
    expect(Object.keys(fn)).toEqual([...new Set(Object.keys(root.catalogue).map((name) => name.split('::')[0]!.replace(/_(.)/g, (_, c: string) => c.toUpperCase())))]);
  });

  it('offers the AST and printer alone at @sdb/functions/core, with no function builder', async () => {
    const core = await import('@sdb/functions/core');
    expect(core.Expression).toBe(Expression);
    expect(compile(core.param('x')).query).toBe('RETURN $x');
    expect(Object.keys(core)).not.toContain('fn');
    expect(Object.keys(core)).not.toContain('catalogue');
  });

  it('escapes parameter names as the engine does', () => {
    expect(compile(param('a b')).query).toBe('RETURN $`a b`');
    expect(compile(param('select')).query).toBe('RETURN $select');
  });
});
