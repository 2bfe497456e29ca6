/**
 * The statement texts @sdb/stream sends: identifiers escaped, values bound or printed from checked
 * values, never pasted. (Each is also run against the engine in the other test files.)
 */
import { expect, test } from 'vitest';
import { Datetime, Duration, InvalidArgumentError, InvalidIdentifierError, RecordId } from '@sdb/protocol';
import { alterChangefeed, liveSelect, selectMatching, showChanges } from '../src/statements.ts';

test('a live query on a hostile table and field names: each escaped, the values bound', () => {
  const compiled = liveSelect('live', 'person`; REMOVE TABLE x', { fields: ['first name', 'address.city'], where: 'age > $min', params: { min: 1 }, fetch: ['team'] }, false);
  expect(compiled).toEqual({
    query: 'LIVE SELECT id, `first name`, address.city FROM `person\\`; REMOVE TABLE x` WHERE (age > $min) FETCH team',
    bindings: { min: 1 },
  });
});

test('a reserved word as a table name is quoted', () => {
  expect(liveSelect('live', 'select', {}, true).query).toBe('LIVE SELECT DIFF FROM `select`');
});

test('reading some records binds their ids to $stream_ids, which callers may not use', () => {
  const ids = [new RecordId('p', 1)];
  expect(selectMatching('watch', 'p', { where: 'a = $a', params: { a: 2 } }, ids)).toEqual({ query: 'SELECT * FROM p WHERE id IN $stream_ids AND (a = $a)', bindings: { a: 2, stream_ids: ids } });
  expect(() => selectMatching('watch', 'p', { params: { stream_ids: [] } })).toThrow(InvalidArgumentError);
});

test('SHOW CHANGES takes literals only: a bigint versionstamp or a Datetime, printed by protocol', () => {
  expect(showChanges('t', 117714075593736195n, 10)).toBe('SHOW CHANGES FOR TABLE t SINCE 117714075593736195 LIMIT 10');
  expect(showChanges('t', new Date('2026-12-02T00:00:00.000Z'), 5)).toBe(`SHOW CHANGES FOR TABLE t SINCE ${String(new Datetime(new Date('2026-12-02T00:00:00.000Z')))} LIMIT 5`);
  expect(() => showChanges('t', 'yesterday' as never, 5)).toThrow();
});

test('CHANGEFEED takes a checked Duration; text that is not one is refused', () => {
  expect(alterChangefeed('t', { expiry: new Duration('90m'), includeOriginal: true })).toBe(`ALTER TABLE t CHANGEFEED ${String(new Duration('90m'))} INCLUDE ORIGINAL`);
  expect(() => alterChangefeed('t', { expiry: '1d; REMOVE TABLE t' })).toThrow();
});

test('an empty table name is refused by the escaper', () => {
  expect(() => liveSelect('live', '', {}, false)).toThrow(InvalidIdentifierError);
});
