/**
 * @module The base every value class shares: its brand, CBOR tag, content equality, JSON form,
 * and an `instanceof` that works across two installed copies of this package.
 *
 * Each class calls `brandValue` once (in a static block): it puts `Symbol.for('sdb.<Name>')` and
 * the CBOR tag on the prototype. `Symbol.for` symbols are shared by every module instance in the
 * realm, so a RecordId made by another copy of @sdb/protocol still passes `instanceof RecordId`.
 * Value classes `declare` their fields and assign them in the constructor, so the compiler emits
 * no separate field definitions (smaller bundles, one shape per class).
 */
import { cborTag, cborValue } from '../cbor/tags.ts';
import { valuesEqual } from './equality.ts';

/** Static: a branded class's own brand symbol. A user subclass has none of its own. */
const OWN_BRAND = Symbol();
/** On a prototype: the brand of the value class its instances belong to. */
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
    return Object.hasOwn(this, OWN_BRAND)
      ? (value as Branded | null | undefined)?.[(this as unknown as Branded)[OWN_BRAND] as symbol] === true
      : Function.prototype[Symbol.hasInstance].call(this, value);
  }
}

/** Brands `Class` as `sdb.<name>` and, when it encodes as a tag of its own, gives it `tag`. */
export function brandValue(Class: abstract new (...args: never[]) => Value<unknown>, name: string, tag?: number): void {
  const brand = Symbol.for(`sdb.${name}`);
  const proto = Class.prototype as Branded;
  (Class as unknown as Branded)[OWN_BRAND] = proto[KIND] = brand;
  proto[brand] = true;
  if (tag !== undefined) proto[cborTag] = tag;
}
