/**
 * @module SurrealQL's own identifier quoting, ported from SurrealDB 3.0.2
 * (`core/src/fmt/escape.rs`: `EscapeIdent`, `EscapeKwFreeIdent`, `EscapeObjectKey`, `EscapeWriter`;
 * `syn/lexer/keywords.rs`: `RESERVED_KEYWORD`). Plain names stay readable; anything else is
 * backtick-quoted with the engine's escapes, so no identifier can break out of its quotes.
 */
import { InvalidIdentifierError } from './errors.ts';

/** Words that may be parsed as a keyword where an identifier is expected (compared case-insensitively). */
const RESERVED = new Set([
  'ALTER', 'BEGIN', 'BREAK', 'CANCEL', 'COMMIT', 'CONTINUE', 'CREATE', 'DEFINE', 'DELETE', 'FOR', 'IF',
  'INFO', 'INSERT', 'KILL', 'LIVE', 'OPTION', 'REBUILD', 'RETURN', 'RELATE', 'REMOVE', 'SELECT', 'LET',
  'SHOW', 'SLEEP', 'THROW', 'UPDATE', 'UPSERT', 'USE', 'DIFF', 'RAND', 'NONE', 'NULL', 'AFTER', 'BEFORE',
  'VALUE', 'BY', 'ALL', 'TRUE', 'FALSE', 'WHERE', 'TABLE', 'TB', 'SEQUENCE', 'FUNCTION',
]);

const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The engine's `EscapeWriter`: backslash-escapes the quote character, backslash and control characters. */
function quote(text: string, mark: '`' | '"' | "'"): string {
  let out = mark;
  for (const c of text) {
    switch (c) {
      case '\0': out += '\\0'; break;
      case '\r': out += '\\r'; break;
      case '\t': out += '\\t'; break;
      case '\n': out += '\\n'; break;
      case '\b': out += '\\u{8}'; break;
      case '\f': out += '\\f'; break;
      case '\\': out += '\\\\'; break;
      case mark: out += `\\${mark}`; break;
      default: out += c;
    }
  }
  return out + mark;
}

function checked(kind: string, name: string): string {
  if (typeof name !== 'string') throw new InvalidIdentifierError(kind, String(name), 'not a string');
  if (name.length === 0) throw new InvalidIdentifierError(kind, name, 'empty');
  return name;
}

/** A name in a place where a keyword could also appear (tables, fields, indexes...). */
export function escapeIdent(name: string, kind = 'identifier'): string {
  checked(kind, name);
  if (RESERVED.has(name.toUpperCase())) return quote(name, '`');
  return escapeKeywordFree(name, kind);
}

/** A name that can never be read as a keyword, e.g. after `$` in a parameter. */
export function escapeKeywordFree(name: string, kind = 'identifier'): string {
  checked(kind, name);
  if (!PLAIN.test(name) || name === 'NaN' || name === 'Infinity') return quote(name, '`');
  return name;
}

/** An object literal key: plain names bare, anything else as a double-quoted string. */
export function escapeObjectKey(key: string): string {
  if (typeof key !== 'string') throw new InvalidIdentifierError('object key', String(key), 'not a string');
  if (key.length === 0 || !PLAIN.test(key) || key === 'NaN' || key === 'Infinity') return quote(key, '"');
  return key;
}

/** A string literal the engine's way (`QuoteStr`): single quotes, or double quotes when the text holds a `'`. */
export function quoteString(text: string): string {
  return quote(text, text.includes("'") ? '"' : "'");
}

/** A `$parameter`; names the printer reserves for bound values (`p0`, `p1`...) are refused. */
export function escapeParam(name: string): string {
  checked('parameter', name);
  if (/^p\d+$/.test(name)) throw new InvalidIdentifierError('parameter', name, '`p<digits>` names are reserved for bound values');
  return `$${escapeKeywordFree(name, 'parameter')}`;
}
