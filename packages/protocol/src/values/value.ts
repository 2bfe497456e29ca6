/**
 * @module The base every value class shares: its brand, CBOR tag, content equality, JSON form,
 * and an `instanceof` that works across two installed copies of this package (see brand.ts).
 *
 * Each class calls `brandValue` once, in a static block, which puts its brand and CBOR tag on
 * the prototype. Value classes `declare` their fields and assign them in the constructor, so the
 * compiler emits no separate field definitions (smaller bundles, one shape per class).
 */
import { cborTag, cborValue } from '../cbor/tags.ts';
import { brandClass, hasBrand } from './brand.ts';
import { valuesEqual } from './equality.ts';

/** On a prototype: the brand of the value class its instances belong to, which `equals` asks of the other value. */
const KIND = Symbol();

type Branded = Record<symbol, unknown>;

/** `Json` is what `toJSON` returns: by default the SurrealQL text. */
export abstract class Value<Json = string> {
  /** The CBOR tag the encoder writes before `[cborValue]()` (on the prototype, set by `brandValue`). */
  declare readonly [cborTag]: number;

  /** The tag's content, as the encoder writes it; also what `equals` compares. */
  abstract [cborValue](): unknown;

  /** The SurrealQL literal of the value. */
  abstract toString(): string;

  toJSON(): Json {
    return this.toString() as Json;
  }

  /** True when `other` is the same kind of value (from any copy of this package) with equal content. */
  equals(other: unknown): boolean {
    return (other as Branded | null | undefined)?.[(this as unknown as Branded)[KIND] as symbol] === true && valuesEqual(this[cborValue](), (other as Value)[cborValue]());
  }

  /** For a branded class, whether `value` carries its brand; for a user subclass, the ordinary prototype-chain check. */
  static [Symbol.hasInstance]<T>(this: abstract new (...args: never[]) => T, value: unknown): value is T {
    return hasBrand(this, value);
  }
}

/** Brands `Class` as `sdb.<name>` and, when it encodes as a tag of its own, gives it `tag`. */
export function brandValue(Class: abstract new (...args: never[]) => Value<unknown>, name: string, tag?: number): void {
  const proto = Class.prototype as Branded;
  proto[KIND] = brandClass(Class, name);
  if (tag !== undefined) proto[cborTag] = tag;
}
