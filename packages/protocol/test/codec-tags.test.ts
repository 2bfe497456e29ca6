/**
 * @module Every SurrealDB CBOR tag, both ways, with the exact bytes on the wire.
 */
import { describe, expect, it } from 'vitest';
import { CborError, decode, encode } from '../src/codec.ts';
import {
  BoundExcluded,
  BoundIncluded,
  Datetime,
  Decimal,
  Duration,
  FileRef,
  Future,
  GeometryCollection,
  GeometryMultiLine,
  GeometryMultiPoint,
  GeometryMultiPolygon,
  Range,
  RecordId,
  RecordIdRange,
  Table,
  Uuid,
} from '../src/values/index.ts';
import { line, point, polygon } from './fixtures/geometry-shapes.ts';
import { bytes, hex } from './fixtures/hex.ts';

const UUID = '0190d8d4-6d41-7a0e-8f4b-7c5a1e2b3c4d';
const UUID_BYTES = '0190d8d46d417a0e8f4b7c5a1e2b3c4d';

/** [description, value, exact CBOR hex] for every tag that encodes. */
const cases: [string, unknown, string][] = [
  ['6 NONE', undefined, 'c6f6'],
  ['7 Table', new Table('person'), 'c766706572736f6e'],
  ['8 RecordId, string key', new RecordId('person', 'tobie'), 'c88266706572736f6e65746f626965'],
  ['8 RecordId, number key', new RecordId('t', 42), 'c8826174182a'],
  ['8 RecordId, bigint key', new RecordId('t', 2n ** 62n), 'c88261741b4000000000000000'],
  ['8 RecordId, uuid key', new RecordId('t', new Uuid(UUID)), `c8826174d82550${UUID_BYTES}`],
  ['8 RecordId, array key', new RecordId('t', ['a', 1]), 'c882617482616101'],
  ['8 RecordId, object key', new RecordId('t', { a: 1 }), 'c8826174a1616101'],
  ['8 RecordIdRange', new RecordIdRange('t', new BoundIncluded(1), new BoundExcluded(5)), 'c8826174d83182d83201d83305'],
  ['8 RecordIdRange, open end', new RecordIdRange('t', new BoundIncluded('a'), undefined), 'c8826174d83182d8326161f6'],
  ['10 Decimal', new Decimal('19.99'), 'ca6531392e3939'],
  ['12 Datetime', Datetime.fromEpoch(1_700_000_000, 123_456_789), 'cc821a6553f1001a075bcd15'],
  ['12 Datetime, before 1970', Datetime.fromEpoch(-1, 5), 'cc822005'],
  ['14 Duration, zero', Duration.fromParts(0), 'ce80'],
  ['14 Duration, seconds', new Duration('1h30m'), 'ce81191518'],
  ['14 Duration, seconds and nanoseconds', new Duration('1s5ns'), 'ce820105'],
  ['14 Duration, nanoseconds only', new Duration('7ns'), 'ce820007'],
  ['15 Future', new Future('time::now()'), 'cf6b74696d653a3a6e6f772829'],
  ['37 Uuid', new Uuid(UUID), `d82550${UUID_BYTES}`],
  ['49 Range', new Range(new BoundIncluded(1), new BoundIncluded(5)), 'd83182d83201d83205'],
  ['49 Range, unbounded', new Range(undefined, undefined), 'd83182f6f6'],
  ['50/51 bounds', [new BoundIncluded(1), new BoundExcluded(2)], '82d83201d83302'],
  ['55 File', new FileRef('photos', '/a.png'), 'd837826670686f746f73662f612e706e67'],
  ['56 Set', new Set(['a']), 'd838816161'],
  ['88 Point', point(1.5, -2), 'd85882fb3ff800000000000021'],
  ['89 Line', line, 'd85982d858820000d858820101'],
  ['90 Polygon', polygon, 'd85a81d85984d858820000d858820100d858820101d858820000'],
  ['91 MultiPoint', new GeometryMultiPoint([point(1, 2)]), 'd85b81d858820102'],
  ['92 MultiLine', new GeometryMultiLine([line]), 'd85c81d85982d858820000d858820101'],
  ['93 MultiPolygon', new GeometryMultiPolygon([polygon]), 'd85d81d85a81d85984d858820000d858820100d858820101d858820000'],
  ['94 Collection', new GeometryCollection([point(1, 2)]), 'd85e81d858820102'],
];

describe.each(cases)('tag %s', (_, value, expected) => {
  it('encodes to the exact bytes', () => {
    expect(hex(encode(value))).toBe(expected);
  });

  it('decodes back to an equal value', () => {
    const decoded = decode(bytes(expected));
    if (value instanceof Set || Array.isArray(value) || value === undefined) expect(decoded).toEqual(value);
    else expect((value as { equals(other: unknown): boolean }).equals(decoded)).toBe(true);
  });
});

describe('decode-only tags', () => {
  it('0: an RFC 3339 datetime string becomes a Datetime', () => {
    const value = decode(encodeTag(0, '2024-02-29T12:34:56.123456789Z'));
    expect(value).toBeInstanceOf(Datetime);
    expect((value as Datetime).toISOString()).toBe('2024-02-29T12:34:56.123456789Z');
  });

  it('9: a uuid string becomes a Uuid', () => {
    expect(decode(encodeTag(9, UUID))).toEqual(new Uuid(UUID));
  });

  it('13: a duration string becomes a Duration', () => {
    expect((decode(encodeTag(13, '1h30m')) as Duration).equals(new Duration('90m'))).toBe(true);
  });

  it('12: a Datetime may omit trailing zero parts, as SurrealDB writes them', () => {
    expect((decode(bytes('cc80')) as Datetime).equals(Datetime.fromEpoch(0))).toBe(true);
    expect((decode(bytes('cc8101')) as Datetime).equals(Datetime.fromEpoch(1))).toBe(true);
  });

  it('8: a record id table may itself be a tagged Table', () => {
    expect(decode(bytes('c882c7617401'))).toEqual(new RecordId('t', 1));
  });

  it('88: half-precision coordinates, as SurrealDB sends small floats', () => {
    expect(decode(bytes('d85882f95000f95400'))).toEqual(point(32, 64));
  });
});

describe('tags with the wrong content', () => {
  it.each([
    ['7 Table around a number', 'c701'],
    ['8 RecordId with one element', 'c8816174'],
    ['8 RecordId with a float key', 'c8826174fb3ff8000000000000'],
    ['37 Uuid with 15 bytes', `d8254f${UUID_BYTES.slice(2)}`],
    ['12 Datetime with text', 'cc6161'],
    ['14 Duration with a negative second count', 'ce8120'],
    ['49 Range with a bare value as a bound', 'd8318201f6'],
    ['89 Line of numbers', 'd90059820102'],
    ['0 datetime string that is not a date', 'c06161'],
    ['0 datetime string around NONE (not "now")', 'c0c6f6'],
    ['13 duration string around a number', 'cd01'],
    ['9 uuid string that is not a uuid', 'c96161'],
    ['10 Decimal that is not a number', 'ca63616263'],
  ])('%s throws a CborError at the tag', (_, input) => {
    const error = captureError(() => decode(bytes(input)));
    expect(error).toBeInstanceOf(CborError);
    expect((error as CborError).offset).toBe(0);
  });
});

function encodeTag(tag: number, text: string): Uint8Array {
  const body = encode(text);
  return Uint8Array.from([0xc0 | tag, ...body]);
}

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
