/**
 * @module SurrealQL literal text for plain JS values and identifiers, shared by the value
 * classes' `toString()`. For display and debugging: values sent to the server travel as bound
 * parameters, never as pasted text.
 */
import { cborTag } from '../cbor/tags.ts';

const PLAIN_IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Record id parts and object keys print bare when made only of these characters. */
const RECORD_ID_PART = /^[A-Za-z0-9_]+$/;
const DIGITS = /^[0-9]+$/;

/** An identifier (table or field name), wrapped in backticks unless it is a plain identifier. */
export function escapeIdent(name: string): string {
  return PLAIN_IDENT.test(name) ? name : `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
}

/**
 * A table name or string key inside a record id, escaped the way SurrealDB prints them: plain
 * identifiers bare, anything else (including all-digit text, which would read as a number)
 * wrapped in ⟨⟩ with ⟩ escaped as \⟩.
 */
export function escapeRecordIdPart(text: string): string {
  return RECORD_ID_PART.test(text) && !DIGITS.test(text) ? text : `⟨${text.replace(/⟩/g, '\\⟩')}⟩`;
}

/** A SurrealQL string literal, quoted as SurrealDB prints one: single quotes unless the text holds one. */
export function quoteString(text: string): string {
  const quote = text.includes("'") ? '"' : "'";
  return `${quote}${text.replace(/\\/g, '\\\\').replaceAll(quote, `\\${quote}`)}${quote}`;
}

/** The SurrealQL literal of any value this codec can carry. */
export function toSurrealQL(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'NONE';
    case 'string':
      return quoteString(value);
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(value);
    case 'object':
      if (value === null) return 'NULL';
      if (cborTag in value) return String(value);
      if (Array.isArray(value)) return `[${value.map(toSurrealQL).join(', ')}]`;
      if (value instanceof Date) return `d${quoteString(value.toISOString())}`;
      if (value instanceof Uint8Array) return `b"${Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('').toUpperCase()}"`;
      if (value instanceof Set) return `<set>[${Array.from(value, toSurrealQL).join(', ')}]`;
      if (value instanceof Map) return objectLiteral(Array.from(value, ([k, v]) => [String(k), v]));
      return objectLiteral(Object.entries(value));
    default:
      throw new TypeError(`No SurrealQL literal for a ${typeof value}`);
  }
}

/** An object literal with keys sorted, as SurrealDB prints objects. */
function objectLiteral(entries: [string, unknown][]): string {
  if (entries.length === 0) return '{}';
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const fields = entries.map(([k, v]) => `${objectKey(k)}: ${toSurrealQL(v)}`);
  return `{ ${fields.join(', ')} }`;
}

/** An object key: bare when alphanumeric, otherwise double-quoted (SurrealDB's `escape_key`). */
function objectKey(key: string): string {
  return RECORD_ID_PART.test(key) ? key : `"${key.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
