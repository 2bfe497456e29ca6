/**
 * @module Range and its bounds: SurrealQL text, JSON and equality.
 */
import { describe, expect, it } from 'vitest';
import { BoundExcluded, BoundIncluded, Range } from '../src/values/index.ts';

describe('Range', () => {
  it.each([
    [new Range(new BoundIncluded(1), new BoundExcluded(5)), '1..5'],
    [new Range(new BoundIncluded(1), new BoundIncluded(5)), '1..=5'],
    [new Range(new BoundExcluded(1), new BoundExcluded(5)), '1>..5'],
    [new Range(new BoundIncluded('a'), undefined), "'a'.."],
    [new Range(undefined, new BoundIncluded(1.5)), '..=1.5f'],
    [new Range(undefined, undefined), '..'],
  ])('%s', (range, expected) => {
    expect(range.toString()).toBe(expected);
    expect(JSON.stringify(range)).toBe(JSON.stringify(expected));
  });

  it('compares bound kinds and values', () => {
    const range = new Range(new BoundIncluded([1]), undefined);
    expect(range.equals(new Range(new BoundIncluded([1]), undefined))).toBe(true);
    expect(range.equals(new Range(new BoundExcluded([1]), undefined))).toBe(false);
    expect(range.equals(new Range(new BoundIncluded([2]), undefined))).toBe(false);
    expect(range.equals(new Range(new BoundIncluded([1]), new BoundIncluded([1])))).toBe(false);
  });

  it('rejects bounds that are not BoundIncluded or BoundExcluded', () => {
    expect(() => new Range(1 as never, undefined)).toThrow(TypeError);
    expect(() => new Range(undefined, null as never)).toThrow(TypeError);
  });

  it('bounds print their value and serialise to it', () => {
    expect(new BoundIncluded('x').toString()).toBe("'x'");
    expect(JSON.stringify(new BoundExcluded(3))).toBe('3');
  });
});
