/**
 * @module Range bounds: included (CBOR tag 50) and excluded (tag 51).
 */
import { TAG_BOUND_EXCLUDED, TAG_BOUND_INCLUDED, cborTag, cborValue } from '../cbor/tags.ts';
import { brand, isBranded } from './brand.ts';
import { valuesEqual } from './equality.ts';
import { toSurrealQL } from './literal.ts';

const BOUND_INCLUDED = brand('BoundIncluded');
const BOUND_EXCLUDED = brand('BoundExcluded');

/** A range end that includes its value. */
export class BoundIncluded<T = unknown> {
  readonly value: T;

  constructor(value: T) {
    this.value = value;
  }

  toString(): string {
    return toSurrealQL(this.value);
  }

  toJSON(): unknown {
    return this.value;
  }

  equals(other: unknown): boolean {
    return other instanceof BoundIncluded && valuesEqual(this.value, other.value);
  }

  get [BOUND_INCLUDED](): true {
    return true;
  }

  get [cborTag](): number {
    return TAG_BOUND_INCLUDED;
  }

  [cborValue](): unknown {
    return this.value;
  }

  static [Symbol.hasInstance](value: unknown): value is BoundIncluded {
    return isBranded(this, BoundIncluded, BOUND_INCLUDED, value);
  }
}

/** A range end that excludes its value. */
export class BoundExcluded<T = unknown> {
  readonly value: T;

  constructor(value: T) {
    this.value = value;
  }

  toString(): string {
    return toSurrealQL(this.value);
  }

  toJSON(): unknown {
    return this.value;
  }

  equals(other: unknown): boolean {
    return other instanceof BoundExcluded && valuesEqual(this.value, other.value);
  }

  get [BOUND_EXCLUDED](): true {
    return true;
  }

  get [cborTag](): number {
    return TAG_BOUND_EXCLUDED;
  }

  [cborValue](): unknown {
    return this.value;
  }

  static [Symbol.hasInstance](value: unknown): value is BoundExcluded {
    return isBranded(this, BoundExcluded, BOUND_EXCLUDED, value);
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

/** True when both bounds are open, or of the same kind with equal values. */
export function boundsEqual(a: Bound, b: Bound): boolean {
  return a === undefined ? b === undefined : a.equals(b);
}
