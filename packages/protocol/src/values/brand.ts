/**
 * @module Brands that make `instanceof` work across two installed copies of this package.
 *
 * A branded class has `Symbol.for('sdb.<Name>')` on its prototype, and its
 * `static [Symbol.hasInstance]` looks for that key. `Symbol.for` symbols are shared by every
 * module instance in the realm, so a RecordId made by another copy of @sdb/protocol still passes
 * `instanceof RecordId`.
 */

/** Static: a branded class's own brand symbol. A user subclass has none of its own. */
const OWN_BRAND = Symbol();

type Branded = Record<symbol, unknown>;

/** Brands `Class` as `sdb.<name>`; answers the brand symbol. */
export function brandClass(Class: abstract new (...args: never[]) => unknown, name: string): symbol {
  const brand = Symbol.for(`sdb.${name}`);
  (Class as unknown as Branded)[OWN_BRAND] = brand;
  (Class.prototype as Branded)[brand] = true;
  return brand;
}

/**
 * The `Symbol.hasInstance` check of `Class`: for a branded class, whether `value` carries its
 * brand; for a user subclass, the ordinary prototype-chain check.
 */
export function hasBrand(Class: object, value: unknown): boolean {
  return Object.hasOwn(Class, OWN_BRAND)
    ? (value as Branded | null | undefined)?.[(Class as Branded)[OWN_BRAND] as symbol] === true
    : Function.prototype[Symbol.hasInstance].call(Class, value);
}
