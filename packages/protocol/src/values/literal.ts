/**
 * @module SurrealQL literal text for plain JS values and identifiers, shared by the value
 * classes' `toString()`. For display and debugging: values sent to the server travel as bound
 * parameters, never as pasted text. The forms below were checked against SurrealDB 3.0.2's
 * parser and its own printing.
 */
import { cborTag } from '../cbor/tags.ts';
import { toHex } from './hex.ts';

const PLAIN_IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Record id parts print bare when made only of these characters (and not only of digits). */
const RECORD_ID_PART = /^[A-Za-z0-9_]+$/;
const DIGITS = /^[0-9]+$/;

/** An identifier (a table name): bare when plain, otherwise in backticks with \ and ` escaped. */
export function escapeIdent(name: string): string {
  return PLAIN_IDENT.test(name) ? name : `\`${name.replace(/[\\`]/g, '\\$&')}\``;
}

/**
 * A table name or string key inside a record id: plain identifiers bare; anything else
 * (including all-digit text, which would read as a number) wrapped in ⟨⟩. Inside the brackets
 * `\` is written `\\` and `⟩` as `\u{27e9}`: SurrealDB 3's parser rejects the older `\⟩`.
 */
export function escapeRecordIdPart(text: string): string {
  if (RECORD_ID_PART.test(text) && !DIGITS.test(text)) return text;
  return `⟨${text.replace(/\\/g, '\\\\').replace(/⟩/g, '\\u{27e9}')}⟩`;
}

/** A SurrealQL string literal, quoted as SurrealDB prints one: single quotes unless the text holds one. */
export function quoteString(text: string): string {
  return text.includes("'") ? `"${text.replace(/[\\"]/g, '\\$&')}"` : `'${text.replace(/\\/g, '\\\\')}'`;
}

/** A number: integers bare, other floats with SurrealQL's `f` suffix, NaN and ±Infinity by name. */
export function formatNumber(value: number): string {
  if (Object.is(value, -0)) return '-0f';
  return Number.isSafeInteger(value) || !Number.isFinite(value) ? String(value) : `${value}f`;
}

/** The SurrealQL literal of any value this codec can carry. */
export function toSurrealQL(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'NONE';
    case 'string':
      return quoteString(value);
    case 'number':
      return formatNumber(value);
    case 'bigint':
    case 'boolean':
      return String(value);
    case 'object':
      if (value === null) return 'NULL';
      if (cborTag in value) return String(value);
      if (Array.isArray(value)) return `[${value.map(toSurrealQL).join(', ')}]`;
      if (value instanceof Date) return `d${quoteString(value.toISOString())}`;
      if (value instanceof Uint8Array) return `b"${toHex(value).toUpperCase()}"`;
      if (value instanceof Set) return setLiteral([...value].map(toSurrealQL));
      if (value instanceof Map) return objectLiteral(Array.from(value, ([k, v]) => [String(k), v]));
      return objectLiteral(Object.entries(value));
    default:
      throw new TypeError(`No SurrealQL literal for a ${typeof value}`);
  }
}

/** `{a, b}`; a one-item set is `{a,}` and an empty one `{,}`, so neither reads as an object. */
function setLiteral(items: string[]): string {
  return items.length > 1 ? `{${items.join(', ')}}` : `{${items.join('')},}`;
}

/** An object literal with keys sorted, as SurrealDB prints objects. */
function objectLiteral(entries: [string, unknown][]): string {
  if (entries.length === 0) return '{}';
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const fields = entries.map(([k, v]) => `${objectKey(k)}: ${toSurrealQL(v)}`);
  return `{ ${fields.join(', ')} }`;
}

/** An object key: bare when a plain identifier, otherwise double-quoted. */
function objectKey(key: string): string {
  return PLAIN_IDENT.test(key) ? key : `"${key.replace(/[\\"]/g, '\\$&')}"`;
}
