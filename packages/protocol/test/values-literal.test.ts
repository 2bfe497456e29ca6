/**
 * @module SurrealQL quoting and literals, as the engine itself writes them (core/src/fmt/escape.rs,
 * v3.0.2). That the engine parses each form back to the same value is checked against the real
 * engine in packages/embedded/test/surrealql-literal.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { InvalidIdentifierError, QueryBuildError, SdbError } from '../src/index.ts';
import { escapeIdent, escapeKeywordFree, escapeObjectKey, escapeRecordIdKey, quoteString, unquoteIdent } from '../src/values/escape.ts';
import { RecordId, Table, Uuid } from '../src/values/index.ts';
import { toSurrealQL } from '../src/values/literal.ts';

describe('identifier quoting', () => {
  it('leaves plain names bare and backtick-quotes the rest', () => {
    expect(escapeIdent('person')).toBe('person');
    expect(escapeIdent('_a1')).toBe('_a1');
    expect(escapeIdent('1abc')).toBe('`1abc`');
    expect(escapeIdent('my table')).toBe('`my table`');
    expect(escapeIdent('é')).toBe('`é`');
    expect(escapeIdent('NaN')).toBe('`NaN`');
  });

  it('quotes reserved words in any case, but not where no keyword can stand', () => {
    expect(escapeIdent('select')).toBe('`select`');
    expect(escapeIdent('Value')).toBe('`Value`');
    expect(escapeIdent('count')).toBe('count');
    expect(escapeKeywordFree('select')).toBe('select');
  });

  it('quotes the words a statement takes right before its target or fields (ONLY, FROM, EXPLAIN), which the engine would read as keywords there', () => {
    expect(['only', 'FROM', 'Explain'].map((word) => escapeIdent(word))).toEqual(['`only`', '`FROM`', '`Explain`']);
  });

  it('escapes backticks, backslashes and control characters inside the quotes', () => {
    expect(escapeIdent('a`b')).toBe('`a\\`b`');
    expect(escapeIdent('a\\b')).toBe('`a\\\\b`');
    expect(escapeIdent('a\nb\0\b')).toBe('`a\\nb\\0\\u{8}`');
  });

  it('reads a printed name back: bare as it is, quoted without its quotes and escapes', () => {
    expect(['person', '`order-line`', '`select`'].map(unquoteIdent)).toEqual(['person', 'order-line', 'select']);
    for (const name of ['a`b', 'a\\b', 'a\nb\0\b', 'my table']) expect(unquoteIdent(escapeIdent(name))).toBe(name);
  });

  it('refuses an empty or non-string name with an InvalidIdentifierError, a QueryBuildError and an SdbError', () => {
    const error = (() => {
      try {
        escapeIdent('', 'table');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidIdentifierError);
    expect(error).toBeInstanceOf(QueryBuildError);
    expect(error).toBeInstanceOf(SdbError);
    expect(error).toMatchObject({ kind: 'table', identifier: '', name: 'InvalidIdentifierError' });
    expect(() => escapeKeywordFree(1 as never)).toThrow(InvalidIdentifierError);
  });
});

describe('record id keys', () => {
  it('are bare when they cannot read as a number, in backticks otherwise', () => {
    expect(escapeRecordIdKey('tobie')).toBe('tobie');
    expect(escapeRecordIdKey('1e5')).toBe('1e5');
    expect(escapeRecordIdKey('123')).toBe('`123`');
    expect(escapeRecordIdKey('_')).toBe('`_`');
    expect(escapeRecordIdKey('1_000')).toBe('`1_000`');
    expect(escapeRecordIdKey('Infinity')).toBe('`Infinity`');
    expect(escapeRecordIdKey('')).toBe('``');
  });
});

describe('string and key literals', () => {
  it('uses single quotes unless the text has one, then double quotes', () => {
    expect(quoteString('abc')).toBe("'abc'");
    expect(quoteString("it's")).toBe(`"it's"`);
    expect(quoteString(`it's "x"`)).toBe(`"it's \\"x\\""`);
    expect(quoteString('tab\there')).toBe("'tab\\there'");
  });

  it('quotes object keys that are not plain names', () => {
    expect(escapeObjectKey('name')).toBe('name');
    expect(escapeObjectKey('select')).toBe('select');
    expect(escapeObjectKey('a b')).toBe('"a b"');
    expect(escapeObjectKey('')).toBe('""');
    expect(escapeObjectKey('Infinity')).toBe('"Infinity"');
  });
});

describe('toSurrealQL', () => {
  it.each([
    [1, '1'],
    [-7, '-7'],
    [1.5, '1.5f'],
    [-0, '-0f'],
    [2 ** 60, '1152921504606847000f'],
    [1e300, '1e+300f'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [Number.NEGATIVE_INFINITY, '-Infinity'],
    [10n, '10'],
    [2n ** 70n, '1180591620717411303424dec'],
  ])('prints the number %s as %s', (value, expected) => {
    expect(toSurrealQL(value)).toBe(expected);
  });

  it('prints objects with their keys sorted and quoted where needed, as the engine does', () => {
    expect(toSurrealQL({ b: [1, 'x', null, undefined, true], 'a c': 1.5, '': {} })).toBe(`{ "": {}, "a c": 1.5f, b: [1, 'x', NULL, NONE, true] }`);
  });

  it('prints dates, bytes and sets in their SurrealQL forms', () => {
    expect(toSurrealQL(new Date('2024-01-01T00:00:00Z'))).toBe("d'2024-01-01T00:00:00Z'");
    expect(toSurrealQL(new Uint8Array([0x7a, 1]))).toBe('b"7A01"');
    expect(toSurrealQL(new Set([1, 2]))).toBe('{1, 2}');
    expect(toSurrealQL(new Set([1]))).toBe('{1,}');
    expect(toSurrealQL(new Set())).toBe('{,}');
  });

  it('prints value classes through their own literals', () => {
    expect(toSurrealQL([new Table('select'), new RecordId('select', 1), new Uuid('0190d8d4-6d41-7a0e-8f4b-7c5a1e2b3c4d')])).toBe(
      "[type::table('select'), `select`:1, u'0190d8d4-6d41-7a0e-8f4b-7c5a1e2b3c4d']",
    );
  });

  it('refuses what has no literal with a QueryBuildError', () => {
    expect(() => toSurrealQL(() => 1)).toThrow(QueryBuildError);
    expect(() => toSurrealQL(Symbol('s'))).toThrow(QueryBuildError);
    expect(() => toSurrealQL(new Date(Number.NaN))).toThrow(/invalid Date/);
  });
});
