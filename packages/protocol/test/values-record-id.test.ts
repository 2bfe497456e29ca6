/**
 * @module RecordId and RecordIdRange: accepted keys, SurrealQL text, JSON and equality.
 */
import { describe, expect, it } from 'vitest';
import { BoundExcluded, BoundIncluded, RecordId, RecordIdRange, Table, Uuid } from '../src/values/index.ts';

describe('RecordId.toString', () => {
  it.each([
    [new RecordId('person', 'tobie'), 'person:tobie'],
    [new RecordId('person', 'tobie_2'), 'person:tobie_2'],
    [new RecordId('person', '1a'), 'person:1a'],
    [new RecordId('person', 'tobie lee'), 'person:`tobie lee`'],
    [new RecordId('person', '123'), 'person:`123`'],
    [new RecordId('person', ''), 'person:``'],
    [new RecordId('person', 'é'), 'person:`é`'],
    [new RecordId('person', 'a⟩b'), 'person:`a⟩b`'],
    [new RecordId('person', 'a`b'), 'person:`a\\`b`'],
    [new RecordId('person', '_1'), 'person:`_1`'],
    [new RecordId('person', 'NaN'), 'person:`NaN`'],
    [new RecordId('person', 'a\\b'), 'person:`a\\\\b`'],
    [new RecordId('my table', 'x'), '`my table`:x'],
    [new RecordId('select', 'x'), '`select`:x'],
    [new RecordId('t', 42), 't:42'],
    [new RecordId('t', -7), 't:-7'],
    [new RecordId('t', 2n ** 62n), 't:4611686018427387904'],
    [new RecordId('t', new Uuid('0190d8d4-6d41-7a0e-8f4b-7c5a1e2b3c4d')), "t:u'0190d8d4-6d41-7a0e-8f4b-7c5a1e2b3c4d'"],
    [new RecordId('t', ['a', 1, "it's"]), `t:['a', 1, "it's"]`],
    [new RecordId('t', { b: 'x', a: [1, 'y'], 'c d': null }), `t:{ a: [1, 'y'], b: 'x', "c d": NULL }`],
  ])('%s', (id, expected) => {
    expect(id.toString()).toBe(expected);
  });
});

describe('RecordId keys', () => {
  it('takes the table as a string or a Table', () => {
    expect(new RecordId(new Table('person'), 1).table).toBe('person');
  });

  it.each([
    ['a fractional number', 1.5],
    ['NaN', Number.NaN],
    ['an unsafe integer', 2 ** 60],
    ['a bigint beyond 64 bits', 2n ** 63n],
    ['null', null],
    ['a Date', new Date()],
    ['a Map', new Map()],
  ])('rejects %s', (_, key) => {
    expect(() => new RecordId('t', key as never)).toThrow(TypeError);
  });

  it('rejects a table that is not a string', () => {
    expect(() => new RecordId(1 as never, 1)).toThrow(TypeError);
  });
});

describe('RecordId equality and JSON', () => {
  it('compares table and key by value, object keys in any order', () => {
    expect(new RecordId('t', { a: 1, b: [2] }).equals(new RecordId('t', { b: [2], a: 1 }))).toBe(true);
    expect(new RecordId('t', 1).equals(new RecordId('t', '1'))).toBe(false);
    expect(new RecordId('t', 1).equals(new RecordId('u', 1))).toBe(false);
    expect(new RecordId('t', new Uuid('0190d8d4-6d41-7a0e-8f4b-7c5a1e2b3c4d')).equals(new RecordId('t', new Uuid('0190d8d4-6d41-7a0e-8f4b-7c5a1e2b3c4d')))).toBe(true);
  });

  it('serialises to its SurrealQL text in JSON', () => {
    expect(JSON.stringify({ id: new RecordId('person', 'tobie lee') })).toBe('{"id":"person:`tobie lee`"}');
  });
});

describe('RecordIdRange', () => {
  it.each([
    [new RecordIdRange('t', new BoundIncluded(1), new BoundExcluded(5)), 't:1..5'],
    [new RecordIdRange('t', new BoundIncluded(1), new BoundIncluded(5)), 't:1..=5'],
    [new RecordIdRange('t', new BoundExcluded(1), new BoundIncluded(5)), 't:1>..=5'],
    [new RecordIdRange('t', undefined, undefined), 't:..'],
    [new RecordIdRange('t', new BoundIncluded('a b'), undefined), 't:`a b`..'],
    [new RecordIdRange('t', undefined, new BoundExcluded(['z', 1])), "t:..['z', 1]"],
  ])('%s', (range, expected) => {
    expect(range.toString()).toBe(expected);
  });

  it('compares table and both bounds', () => {
    const a = new RecordIdRange('t', new BoundIncluded(1), undefined);
    expect(a.equals(new RecordIdRange('t', new BoundIncluded(1), undefined))).toBe(true);
    expect(a.equals(new RecordIdRange('t', new BoundExcluded(1), undefined))).toBe(false);
    expect(a.equals(new RecordIdRange('t', new BoundIncluded(1), new BoundIncluded(2)))).toBe(false);
  });

  it('rejects a bound that is not a BoundIncluded or BoundExcluded', () => {
    expect(() => new RecordIdRange('t', 1 as never, undefined)).toThrow(TypeError);
  });
});
