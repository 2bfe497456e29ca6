/**
 * @module A CBOR tag this codec does not interpret, kept as `{ tag, value }` so it round-trips.
 */
import { brandClass, hasBrand } from '../values/brand.ts';
import { cborTag, cborValue } from './tags.ts';

/** A tagged CBOR item whose tag number has no meaning here; encodes back unchanged. */
export class Tagged<T = unknown> {
  declare readonly tag: number;
  declare readonly value: T;

  constructor(tag: number, value: T) {
    if (!Number.isSafeInteger(tag) || tag < 0) throw new TypeError(`Invalid CBOR tag number: ${tag}`);
    this.tag = tag;
    this.value = value;
  }

  get [cborTag](): number {
    return this.tag;
  }

  [cborValue](): unknown {
    return this.value;
  }

  static [Symbol.hasInstance](value: unknown): value is Tagged {
    return hasBrand(this, value);
  }

  static {
    brandClass(this, 'Tagged');
  }
}
