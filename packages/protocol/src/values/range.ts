/**
 * @module Range: a begin and an end bound, either possibly unbounded (CBOR tag 49).
 */
import { TAG_RANGE, cborTag, cborValue } from '../cbor/tags.ts';
import { brand, isBranded } from './brand.ts';
import { BoundExcluded, BoundIncluded, boundsEqual, formatRange, type Bound } from './bound.ts';
import { toSurrealQL } from './literal.ts';

const RANGE = brand('Range');

/** A SurrealQL range such as `1..=5` or `'a'>..`; an `undefined` bound is open. */
export class Range<Begin = unknown, End = Begin> {
  readonly begin: Bound<Begin>;
  readonly end: Bound<End>;

  constructor(begin: Bound<Begin>, end: Bound<End>) {
    this.begin = checkBound(begin);
    this.end = checkBound(end);
  }

  toString(): string {
    return formatRange(this.begin, this.end, toSurrealQL);
  }

  toJSON(): string {
    return this.toString();
  }

  equals(other: unknown): boolean {
    return other instanceof Range && boundsEqual(this.begin, other.begin) && boundsEqual(this.end, other.end);
  }

  get [RANGE](): true {
    return true;
  }

  get [cborTag](): number {
    return TAG_RANGE;
  }

  /** An open end is CBOR null, as SurrealDB writes it. */
  [cborValue](): unknown {
    return [this.begin ?? null, this.end ?? null];
  }

  static [Symbol.hasInstance](value: unknown): value is Range {
    return isBranded(this, Range, RANGE, value);
  }
}

function checkBound<T>(bound: Bound<T>): Bound<T> {
  if (bound === undefined || bound instanceof BoundIncluded || bound instanceof BoundExcluded) return bound;
  throw new TypeError('A range bound is a BoundIncluded, a BoundExcluded or undefined');
}
