/**
 * The schema printer travels with the schema builders: `define.*` and `remove` statements bring
 * `QueryCompiler`, which prints DEFINE and REMOVE nodes; `compile` of DML alone never needs it,
 * and a bare schema node in a plain `Statement` is refused with a message saying what to use.
 */
import { describe, expect, it } from 'vitest';
import { batch, compile, define, DefineStatement, eq, field, ifThen, param, QueryBuildError, QueryCompiler, remove, select, Statement, type DefineTableNode } from '../src/index.ts';

const table: DefineTableNode = { kind: 'defineTable', mode: 'OVERWRITE', name: 'person', schemafull: true };

describe('schema statements and the compiler that prints them', () => {
  it('compiles a batch mixing a DEFINE, a REMOVE and a SELECT, numbering parameters once', () => {
    const compiled = batch(define.table('person').schemafull(), remove.index('by_name', 'person'), select('person').where(eq(field('name'), 'Ada')));
    expect(compiled.query).toBe('DEFINE TABLE person SCHEMAFULL;\nREMOVE INDEX by_name ON TABLE person;\nSELECT * FROM person WHERE name = $p0;');
    expect(compiled.bindings).toEqual({ p0: 'Ada' });
  });

  it('prints a hand-made DEFINE node wrapped in DefineStatement', () => {
    expect(compile(new DefineStatement(table)).query).toBe('DEFINE TABLE OVERWRITE person SCHEMAFULL;');
  });

  it('prints a hand-made DEFINE node with new QueryCompiler()', () => {
    expect(new QueryCompiler().statement(table)).toBe('DEFINE TABLE OVERWRITE person SCHEMAFULL');
  });

  it('refuses a bare DEFINE node in a plain Statement, naming what prints it', () => {
    expect(() => compile(new Statement(table))).toThrow(QueryBuildError);
    expect(() => compile(new Statement(table))).toThrow("A defineTable node needs QueryCompiler: use DefineStatement, RemoveStatement or new QueryCompiler()");
  });

  it('prints a DEFINE inside an IF body with new QueryCompiler(); compile alone sees only the IF, so it refuses it', () => {
    const guarded = ifThen(param('setup'), define.table('person'));
    expect(new QueryCompiler().statement(guarded.node)).toBe('IF $setup { DEFINE TABLE person; }');
    expect(() => compile(guarded)).toThrow(QueryBuildError);
  });
});
