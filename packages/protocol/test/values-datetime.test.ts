/**
 * @module Datetime: nanosecond precision beyond JS Date, ISO text both ways, SurrealQL form.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Datetime } from '../src/values/index.ts';

describe('parsing ISO 8601 text', () => {
  it('keeps all nine fractional digits', () => {
    const value = new Datetime('2024-02-29T12:34:56.123456789Z');
    expect(value.seconds).toBe(Date.UTC(2024, 1, 29, 12, 34, 56) / 1000);
    expect(value.nanoseconds).toBe(123_456_789);
  });

  it.each([
    ['2024-01-01T00:00:00.5Z', '2024-01-01T00:00:00.500Z'],
    ['2024-01-01T00:00:00.0001Z', '2024-01-01T00:00:00.000100Z'],
    ['2024-01-01T02:00:00+02:00', '2024-01-01T00:00:00Z'],
    ['2023-12-31T23:30:00-00:30', '2024-01-01T00:00:00Z'],
    ['2024-01-01', '2024-01-01T00:00:00Z'],
    ['2024-01-01 00:00:00z', '2024-01-01T00:00:00Z'],
    ['1969-12-31T23:59:59.999999999Z', '1969-12-31T23:59:59.999999999Z'],
    ['0000-01-01T00:00:00Z', '0000-01-01T00:00:00Z'],
    ['-0001-01-01T00:00:00Z', '-0001-01-01T00:00:00Z'],
    ['+12024-01-01T00:00:00Z', '+12024-01-01T00:00:00Z'],
  ])('%s -> %s', (input, expected) => {
    expect(new Datetime(input).toISOString()).toBe(expected);
  });

  it.each(['2024-13-01T00:00:00Z', '2023-02-29T00:00:00Z', '2024-01-01T24:00:00Z', '2024-01-01T00:00:00', '2024-01-01T00:00:00.1234567890Z', 'yesterday', ''])(
    'rejects %j',
    (input) => {
      expect(() => new Datetime(input)).toThrow(TypeError);
    },
  );
});

describe('formatting', () => {
  it('prints 0, 3, 6 or 9 fractional digits, as SurrealDB does', () => {
    expect(Datetime.fromEpoch(0).toISOString()).toBe('1970-01-01T00:00:00Z');
    expect(Datetime.fromEpoch(0, 120_000_000).toISOString()).toBe('1970-01-01T00:00:00.120Z');
    expect(Datetime.fromEpoch(0, 1_000).toISOString()).toBe('1970-01-01T00:00:00.000001Z');
    expect(Datetime.fromEpoch(0, 1).toISOString()).toBe('1970-01-01T00:00:00.000000001Z');
  });

  it("formats SurrealDB's extreme datetimes, and refuses instants beyond JS Date's range", () => {
    expect(new Datetime('+262142-12-31T23:59:59.999999999Z').toISOString()).toBe('+262142-12-31T23:59:59.999999999Z');
    expect(new Datetime('-262143-01-01T00:00:00Z').toISOString()).toBe('-262143-01-01T00:00:00Z');
    expect(() => Datetime.fromEpoch(9e12).toISOString()).toThrow(RangeError);
    expect(() => new Datetime('+300000-01-01')).toThrow(TypeError);
  });

  it("toString is the SurrealQL literal d'…' and toJSON the ISO text", () => {
    const value = new Datetime('2024-01-01T00:00:00.000000001Z');
    expect(value.toString()).toBe("d'2024-01-01T00:00:00.000000001Z'");
    expect(JSON.stringify(value)).toBe('"2024-01-01T00:00:00.000000001Z"');
  });

  it('agrees with Date.prototype.toISOString on millisecond instants', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_999 }), (ms) => {
        const date = new Date(ms);
        const iso = new Datetime(date).toISOString();
        expect(new Date(iso).getTime()).toBe(ms);
        expect(iso.slice(0, 19)).toBe(date.toISOString().slice(0, 19));
      }),
    );
  });

  it('parses its own output back to the same instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8_000_000_000_000, max: 8_000_000_000_000 }), fc.integer({ min: 0, max: 999_999_999 }), (s, ns) => {
        const value = Datetime.fromEpoch(s, ns);
        expect(new Datetime(value.toISOString()).equals(value)).toBe(true);
      }),
    );
  });
});

describe('conversions', () => {
  it('from a Date keeps its milliseconds, before and after the epoch', () => {
    expect(new Datetime(new Date(1_500))).toMatchObject({ seconds: 1, nanoseconds: 500_000_000 });
    expect(new Datetime(new Date(-1))).toMatchObject({ seconds: -1, nanoseconds: 999_000_000 });
  });

  it('toDate drops digits below the millisecond', () => {
    expect(Datetime.fromEpoch(1, 999_999_999).toDate().getTime()).toBe(1_999);
    expect(Datetime.fromEpoch(-1, 999_999_999).toDate().getTime()).toBe(-1);
  });

  it('fromEpoch carries nanoseconds into seconds and takes bigints', () => {
    expect(Datetime.fromEpoch(1n, 2_500_000_000n)).toMatchObject({ seconds: 3, nanoseconds: 500_000_000 });
    expect(Datetime.fromEpoch(0, -1)).toMatchObject({ seconds: -1, nanoseconds: 999_999_999 });
  });

  it('with no argument is now', () => {
    const before = Date.now();
    const now = new Datetime().toDate().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('rejects an invalid Date', () => {
    expect(() => new Datetime(new Date(Number.NaN))).toThrow(/Invalid Date/);
  });
});

describe('comparison', () => {
  it('orders by seconds, then nanoseconds', () => {
    const a = Datetime.fromEpoch(1, 5);
    expect(a.compare(Datetime.fromEpoch(1, 6))).toBeLessThan(0);
    expect(a.compare(Datetime.fromEpoch(0, 999_999_999))).toBeGreaterThan(0);
    expect(a.compare(Datetime.fromEpoch(1, 5))).toBe(0);
    expect(a.equals(Datetime.fromEpoch(1, 5))).toBe(true);
    expect(a.equals(Datetime.fromEpoch(1, 6))).toBe(false);
  });
});
