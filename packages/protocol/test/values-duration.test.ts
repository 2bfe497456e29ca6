/**
 * @module Duration: SurrealQL text both ways, arithmetic and comparison, never negative.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Duration } from '../src/values/index.ts';

describe('parsing and formatting', () => {
  it.each([
    ['1h30m', '1h30m', 5400n, 0],
    ['90m', '1h30m', 5400n, 0],
    ['1y2w3d4h5m6s7ms8us9ns', '1y2w3d4h5m6s7ms8µs9ns', 33_019_506n, 7_008_009],
    ['8µs', '8µs', 0n, 8_000],
    ['1500ms', '1s500ms', 1n, 500_000_000],
    ['0s', '0ns', 0n, 0],
    ['7d', '1w', 604_800n, 0],
    ['365d', '1y', 31_536_000n, 0],
  ])('%s is %s', (input, text, seconds, nanoseconds) => {
    const duration = new Duration(input);
    expect(duration.seconds).toBe(seconds);
    expect(duration.nanoseconds).toBe(nanoseconds);
    expect(duration.toString()).toBe(text);
    expect(JSON.stringify(duration)).toBe(JSON.stringify(text));
  });

  it.each(['', '1', 'h', '1.5h', '-1h', '1h 30m', '1x', '1hh'])('rejects %j', (input) => {
    expect(() => new Duration(input)).toThrow(TypeError);
  });

  it('formats any duration to text that parses back to it', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 80n }), (ns) => {
        const duration = Duration.fromNanoseconds(ns);
        expect(new Duration(duration.toString()).totalNanoseconds()).toBe(ns);
      }),
    );
  });
});

describe('constructors', () => {
  it('fromParts carries nanoseconds over a second', () => {
    expect(Duration.fromParts(1, 1_500_000_000).toString()).toBe('2s500ms');
  });

  it('fromMilliseconds keeps fractions to the nanosecond', () => {
    expect(Duration.fromMilliseconds(1.5).toString()).toBe('1ms500µs');
  });

  it('refuses negative durations', () => {
    expect(() => Duration.fromNanoseconds(-1n)).toThrow(RangeError);
    expect(() => Duration.fromMilliseconds(-1)).toThrow(RangeError);
  });
});

describe('arithmetic', () => {
  const hour = new Duration('1h');
  const half = new Duration('30m');

  it('adds, subtracts and multiplies', () => {
    expect(hour.add(half).toString()).toBe('1h30m');
    expect(hour.sub(half).toString()).toBe('30m');
    expect(half.mul(3).toString()).toBe('1h30m');
    expect(half.mul(3n).toString()).toBe('1h30m');
    expect(new Duration('1s').mul(1.5).toString()).toBe('1s500ms');
  });

  it('refuses a result below zero', () => {
    expect(() => half.sub(hour)).toThrow(RangeError);
    expect(() => half.mul(-1)).toThrow(RangeError);
  });

  it('compares and converts to milliseconds', () => {
    expect(hour.compare(half)).toBe(1);
    expect(half.compare(hour)).toBe(-1);
    expect(hour.compare(new Duration('60m'))).toBe(0);
    expect(hour.equals(new Duration('60m'))).toBe(true);
    expect(new Duration('1s5us').toMilliseconds()).toBe(1000.005);
  });
});
