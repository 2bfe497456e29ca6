/**
 * @module Deep value equality used by the value classes' `equals()`: record id keys, range
 * bounds and geometry coordinates compare by content, not identity.
 */
import { cborTag } from '../cbor/tags.ts';

/** True when `a` and `b` hold the same value (NaN equals NaN; object key order is ignored). */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  if (cborTag in a) return (a as { equals?(other: unknown): boolean }).equals?.(b) === true;
  if (a instanceof Date) return b instanceof Date && a.getTime() === b.getTime();
  if (a instanceof Set) return b instanceof Set && a.size === b.size && [...a].every((v) => b.has(v));
  // Arrays, byte strings, Maps and plain objects compare entry by entry, each only with its own kind.
  if (kind(a) !== kind(b)) return false;
  const entries = a instanceof Map ? [...a] : Object.entries(a);
  const other = b instanceof Map ? b : new Map(Object.entries(b));
  return entries.length === other.size && entries.every(([k, v]) => other.has(k) && valuesEqual(v, other.get(k)));
}

function kind(value: object): number {
  return Array.isArray(value) ? 1 : value instanceof Uint8Array ? 2 : value instanceof Map ? 3 : cborTag in value || value instanceof Set || value instanceof Date ? 4 : 0;
}
