/**
 * @module Range bounds: included (CBOR tag 50) and excluded (tag 51).
 */
import { TAG_BOUND_EXCLUDED, TAG_BOUND_INCLUDED, cborValue } from '../cbor/tags.ts';
import { toSurrealQL } from './literal.ts';
import { Value, brandValue } from './value.ts';

/** What both kinds of bound share: a value, printed and serialised as itself. */
abstract class RangeBound<T> extends Value<unknown> {
  declare readonly value: T;

  constructor(value: T) {
    super();
    this.value = value;
  }

  toString(): string {
    return toSurrealQL(this.value);
  }

  override toJSON(): unknown {
    return this.value;
  }

  [cborValue](): T {
    return this.value;
  }
}

/** A range end that includes its value. */
export class BoundIncluded<T = unknown> extends RangeBound<T> {
  static {
    brandValue(this, 'BoundIncluded', TAG_BOUND_INCLUDED);
  }
}

/** A range end that excludes its value. */
export class BoundExcluded<T = unknown> extends RangeBound<T> {
  static {
    brandValue(this, 'BoundExcluded', TAG_BOUND_EXCLUDED);
  }
}

/** One end of a range; `undefined` means unbounded. */
export type Bound<T = unknown> = BoundIncluded<T> | BoundExcluded<T> | undefined;

/** `begin..end` with SurrealQL's markers: `>` after an excluded begin, `=` before an included end. */
export function formatRange(begin: Bound, end: Bound, format: (value: unknown) => string): string {
  const from = begin === undefined ? '' : `${format(begin.value)}${begin instanceof BoundExcluded ? '>' : ''}`;
  const to = end === undefined ? '' : `${end instanceof BoundIncluded ? '=' : ''}${format(end.value)}`;
  return `${from}..${to}`;
}

/** The bound itself when it is a BoundIncluded, a BoundExcluded or undefined; otherwise a TypeError. */
export function checkBound<T>(bound: Bound<T>): Bound<T> {
  if (bound === undefined || bound instanceof BoundIncluded || bound instanceof BoundExcluded) return bound;
  throw new TypeError('A range bound is a BoundIncluded, a BoundExcluded or undefined');
}
