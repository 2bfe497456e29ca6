/**
 * @module Brands that make `instanceof` work across two installed copies of this package.
 *
 * Each value class puts a `Symbol.for('sdb.<Name>')` key on its prototype and checks for it in
 * `static [Symbol.hasInstance]`; `Symbol.for` symbols are shared by every module instance in
 * the realm, so a RecordId made by another copy of @sdb/protocol still passes `instanceof`.
 */

/** The shared brand symbol of the class `name`. */
export function brand(name: string): symbol {
  return Symbol.for(`sdb.${name}`);
}

/**
 * The `Symbol.hasInstance` check: for the branded class itself, look for the brand; for a
 * user subclass (`this !== base`), fall back to the ordinary prototype-chain check.
 */
export function isBranded(self: unknown, base: unknown, brandSymbol: symbol, value: unknown): boolean {
  if (self !== base) return Function.prototype[Symbol.hasInstance].call(self as never, value);
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brandSymbol] === true;
}
