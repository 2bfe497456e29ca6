/**
 * The compiler prints a closed set of node kinds: a node of any other kind, at the top or nested,
 * is refused with a QueryBuildError rather than printed as something else (such as RETURN).
 */
import { describe, expect, it } from 'vitest';
import { Expression, QueryBuildError, QueryCompiler, compile, eq, ret, select, type Statement } from '../src/index.ts';

const stranger = { kind: 'selectt', from: [] };

describe('unknown node kinds', () => {
  it('are refused as a statement instead of becoming RETURN', () => {
    const compiler = new QueryCompiler();
    expect(() => compiler.statement(stranger)).toThrow(QueryBuildError);
    expect(() => compile(new Expression(stranger))).toThrow('The query compiler does not know the node kind "selectt"');
  });

  it('are refused nested in a condition, a subquery or a block', () => {
    expect(() => compile(select('t').where(eq('a', new Expression(stranger))))).toThrow(QueryBuildError);
    const comparison = { kind: 'binary', op: '=', left: stranger, right: stranger };
    expect(() => compile(ret(new Expression(comparison)))).toThrow(QueryBuildError);
  });

  it('still print every known kind, statements nested in parentheses', () => {
    const inner: Statement = select('t').fields('a');
    expect(compile(ret(inner)).query).toBe('RETURN (SELECT a FROM t);');
    expect(new QueryCompiler().statement(eq('a', 1).node)).toBe('RETURN a = $p0');
  });
});
