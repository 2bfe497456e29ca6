/**
 * SurrealQL quoting, as the engine itself writes it (core/src/fmt/escape.rs, v3.0.2).
 */
import { describe, expect, it } from 'vitest';
import { InvalidIdentifierError, escapeIdent, escapeKeywordFree, escapeObjectKey, escapeParam, literal, quoteString } from '../src/index.ts';

describe('identifier quoting', () => {
  it('leaves plain names bare and backtick-quotes the rest', () => {
    expect(escapeIdent('person')).toBe('person');
    expect(escapeIdent('_a1')).toBe('_a1');
    expect(escapeIdent('1abc')).toBe('`1abc`');
    expect(escapeIdent('my table')).toBe('`my table`');
    expect(escapeIdent('é')).toBe('`é`');
  });

  it('quotes reserved words in any case, but not after $', () => {
    expect(escapeIdent('select')).toBe('`select`');
    expect(escapeIdent('Value')).toBe('`Value`');
    expect(escapeKeywordFree('select')).toBe('select');
    expect(escapeParam('value')).toBe('$value');
  });

  it('escapes backticks, backslashes and control characters inside the quotes', () => {
    expect(escapeIdent('a`b')).toBe('`a\\`b`');
    expect(escapeIdent('a\\b')).toBe('`a\\\\b`');
    expect(escapeIdent('a\nb\0')).toBe('`a\\nb\\0`');
  });

  it('refuses empty names and reserved parameter names with a typed error', () => {
    expect(() => escapeIdent('')).toThrow(InvalidIdentifierError);
    expect(() => escapeParam('p12')).toThrow(InvalidIdentifierError);
  });
});

describe('string and key literals', () => {
  it('uses single quotes unless the text has one, then double quotes', () => {
    expect(quoteString('abc')).toBe("'abc'");
    expect(quoteString("it's")).toBe(`"it's"`);
    expect(quoteString(`it's "x"`)).toBe(`"it's \\"x\\""`);
  });

  it('quotes object keys that are not plain names', () => {
    expect(escapeObjectKey('name')).toBe('name');
    expect(escapeObjectKey('a b')).toBe('"a b"');
    expect(escapeObjectKey('')).toBe('""');
  });

  it('writes JSON-like values as literals', () => {
    expect(literal({ a: [1, 'x', null, undefined, true], 'b c': 1.5 })).toBe(`{ a: [1, 'x', NULL, NONE, true], "b c": 1.5 }`);
    expect(literal(2 ** 60)).toBe('1152921504606847000f');
    expect(literal(10n)).toBe('10');
  });
});
