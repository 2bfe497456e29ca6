/**
 * @module Range: a begin and an end bound, either possibly unbounded (CBOR tag 49).
 */
import { TAG_RANGE, cborValue } from '../cbor/tags.ts';
import { checkBound, formatRange, type Bound } from './bound.ts';
import { toSurrealQL } from './literal.ts';
import { Value, brandValue } from './value.ts';

/** A SurrealQL range such as `1..=5` or `'a'>..`; an `undefined` bound is open. */
export class Range<Begin = unknown, End = Begin> extends Value {
  declare readonly begin: Bound<Begin>;
  declare readonly end: Bound<End>;

  constructor(begin: Bound<Begin>, end: Bound<End>) {
    super();
    this.begin = checkBound(begin);
    this.end = checkBound(end);
  }

  toString(): string {
    return formatRange(this.begin, this.end, toSurrealQL);
  }

  /** An open end is CBOR null, as SurrealDB writes it. */
  [cborValue](): unknown {
    return [this.begin ?? null, this.end ?? null];
  }

  static {
    brandValue(this, 'Range', TAG_RANGE);
  }
}
