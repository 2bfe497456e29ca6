/**
 * @module The SurrealQL literal of any value the codec can carry: what the value classes'
 * `toString()` and the query printers of @sdb/functions and @sdb/ql write when a value must be
 * text (schema statements store their expressions; everything else travels as bound parameters).
 * Each form is what SurrealDB 3.0.2 prints for the value, except where the engine's own print
 * would not parse back to it (checked against the engine in @sdb/embedded's tests).
 */
import { cborTag } from '../cbor/tags.ts';
import { QueryBuildError } from '../rpc/build-errors.ts';
import { epochParts } from './epoch.ts';
import { quoteString, escapeObjectKey } from './escape.ts';
import { toHex } from './hex.ts';

/**
 * A number: safe integers bare, any other float with SurrealQL's `f` suffix (`1.5f`, `-0f`,
 * `1e+300f`), NaN and ±Infinity by name. JS cannot tell `2.0` from `2`: both print `2`, as the
 * codec sends them.
 */
export function formatNumber(value: number): string {
  if (Object.is(value, -0)) return '-0f';
  if (Number.isSafeInteger(value) || !Number.isFinite(value)) return String(value);
  return `${value}f`;
}

/** The SurrealQL literal of `value`; a QueryBuildError for what has none (a function, a symbol, an invalid Date). */
export function toSurrealQL(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'NONE';
    case 'string':
      return quoteString(value);
    case 'number':
      return formatNumber(value);
    case 'boolean':
      return String(value);
    case 'bigint':
      // Beyond i64 the codec sends a bignum, which the engine reads as a decimal.
      return BigInt.asIntN(64, value) === value ? String(value) : `${value}dec`;
    case 'object':
      if (value === null) return 'NULL';
      if (cborTag in value) return String(value);
      if (Array.isArray(value)) return `[${value.map(toSurrealQL).join(', ')}]`;
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw new QueryBuildError('An invalid Date has no SurrealQL literal');
        return `d'${datetimeText(...epochParts(value.getTime()))}'`;
      }
      if (value instanceof Uint8Array) return `b"${toHex(value).toUpperCase()}"`;
      if (value instanceof ArrayBuffer) return toSurrealQL(new Uint8Array(value));
      if (value instanceof Set) return setLiteral([...value].map(toSurrealQL));
      if (value instanceof Map) return objectLiteral(Array.from(value, ([k, v]) => [String(k), v]));
      // Any other object, as the encoder sends it: its own enumerable properties.
      return objectLiteral(Object.entries(value));
    default:
      throw new QueryBuildError(`A ${typeof value} has no SurrealQL literal`);
  }
}

/**
 * A datetime as SurrealDB prints it (RFC 3339 in UTC, 0, 3, 6 or 9 fractional digits, years past
 * 9999 as `+12024`): `Datetime`'s ISO text, here so that a Date's literal needs no `Datetime`.
 */
export function datetimeText(seconds: number, nanoseconds: number): string {
  const date = new Date(seconds * 1000);
  const year = date.getUTCFullYear();
  const digits = nanoseconds % 1_000_000 ? (nanoseconds % 1000 ? 9 : 6) : nanoseconds ? 3 : 0;
  const fraction = digits ? `.${String(nanoseconds).padStart(9, '0').slice(0, digits)}` : '';
  // Date's own ISO text pads the year to 6 digits outside 0..9999; SurrealDB does not.
  return `${year > 9999 ? '+' : year < 0 ? '-' : ''}${String(Math.abs(year)).padStart(4, '0')}${date.toISOString().slice(-20, -5)}${fraction}Z`;
}

/** Text that opens like an object entry (`person:1`, `` `a b`:.. ``): a record id or a record id range. */
const KEY_COLON = /^(?:[A-Za-z0-9_]+|`(?:[^`\\]|\\.)*`):/;

/**
 * `{a, b}`; a one-item set is `{a,}` and an empty one `{,}`, so neither reads as an object or a
 * block. A first item that is a record id is parenthesised: the engine prints `{person:1, person:2}`,
 * which it then reads as the object `{ person: 2 }`.
 */
function setLiteral(items: string[]): string {
  if (KEY_COLON.test(items[0] ?? '')) items[0] = `(${items[0]})`;
  return items.length > 1 ? `{${items.join(', ')}}` : `{${items.join('')},}`;
}

/** An object literal with its keys sorted, as SurrealDB prints objects. */
function objectLiteral(entries: [string, unknown][]): string {
  if (entries.length === 0) return '{}';
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{ ${entries.map(([k, v]) => `${escapeObjectKey(k)}: ${toSurrealQL(v)}`).join(', ')} }`;
}
