/**
 * @module Deep value equality used by the value classes' `equals()`: record id keys, range
 * bounds and geometry coordinates compare by content, not identity.
 */
import { cborTag } from '../cbor/tags.ts';

interface Equatable {
  equals(other: unknown): boolean;
}

/** True when `a` and `b` hold the same value (NaN equals NaN; object key order is ignored). */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  if (cborTag in a) return typeof (a as Partial<Equatable>).equals === 'function' && (a as unknown as Equatable).equals(b);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => valuesEqual(v, b[i]));
  if (a instanceof Uint8Array) return b instanceof Uint8Array && a.length === b.length && a.every((v, i) => v === b[i]);
  if (a instanceof Date) return b instanceof Date && a.getTime() === b.getTime();
  if (a instanceof Set) return b instanceof Set && a.size === b.size && [...a].every((v) => b.has(v));
  if (a instanceof Map) {
    return b instanceof Map && a.size === b.size && [...a].every(([k, v]) => b.has(k) && valuesEqual(v, b.get(k)));
  }
  if (Array.isArray(b) || cborTag in b || b instanceof Map || b instanceof Set || b instanceof Date || b instanceof Uint8Array) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every(
    (k) => Object.prototype.hasOwnProperty.call(b, k) && valuesEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}
