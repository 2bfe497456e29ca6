/**
 * @module SurrealQL's own quoting, ported from SurrealDB 3.0.2 (`core/src/fmt/escape.rs`:
 * `Escape`, `QuoteStr`, `EscapeIdent`, `EscapeKwFreeIdent`, `EscapeKey`, `EscapeRidKey`;
 * `syn/lexer/keywords.rs`: the reserved keywords) and checked against the engine's parser.
 * Plain names stay readable; anything else is quoted with the engine's escapes, so no
 * identifier or string can break out of its quotes.
 */
import { InvalidIdentifierError } from '../rpc/build-errors.ts';

/**
 * Words the parser may read as a keyword where an identifier is expected (compared
 * case-insensitively). The engine's list, plus the words its statements take optionally right
 * before a target or a field, found by the reliability suite: `CREATE only SET …`, `DELETE from`,
 * `SELECT explain FROM …` are read as those keywords.
 */
const RESERVED = new Set(
  'ALTER BEGIN BREAK CANCEL COMMIT CONTINUE CREATE DEFINE DELETE FOR IF INFO INSERT KILL LIVE OPTION REBUILD RETURN RELATE REMOVE SELECT LET SHOW SLEEP THROW UPDATE UPSERT USE DIFF RAND NONE NULL AFTER BEFORE VALUE BY ALL TRUE FALSE WHERE TABLE TB SEQUENCE FUNCTION ONLY FROM EXPLAIN'.split(
    ' ',
  ),
);

const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A record id key made only of these is bare, unless it is only digits and underscores (it would read as a number). */
const RID_PLAIN = /^[A-Za-z0-9_]*[A-Za-z][A-Za-z0-9_]*$/;
/** Names the lexer reads as the float constants, whatever the context. */
const NUMBER_WORDS = /^(?:NaN|Infinity)$/;

/** How the engine's `Escape` spells each control character. */
const CONTROL: Record<string, string> = { '\0': '\\0', '\r': '\\r', '\t': '\\t', '\n': '\\n', '\b': '\\u{8}', '\f': '\\f' };

/** The engine's `Escape`: a backslash before the quote mark and before `\`, control characters spelled out. */
function quote(text: string, mark: '`' | '"' | "'"): string {
  return mark + text.replace(/[\0\r\t\n\b\f\\`"']/g, (c) => CONTROL[c] ?? (c === mark || c === '\\' ? `\\${c}` : c)) + mark;
}

function checked(kind: string, name: string): string {
  if (typeof name !== 'string') throw new InvalidIdentifierError(kind, String(name), 'not a string');
  if (name.length === 0) throw new InvalidIdentifierError(kind, name, 'empty');
  return name;
}

/** A name where a keyword could also stand (tables, fields, indexes...): reserved words are quoted too. */
export function escapeIdent(name: string, kind = 'identifier'): string {
  checked(kind, name);
  return RESERVED.has(name.toUpperCase()) ? quote(name, '`') : escapeKeywordFree(name, kind);
}

/** A name that can never be read as a keyword, e.g. after the `$` of a parameter. */
export function escapeKeywordFree(name: string, kind = 'identifier'): string {
  checked(kind, name);
  return PLAIN.test(name) && !NUMBER_WORDS.test(name) ? name : quote(name, '`');
}

/** An object key: plain names bare, anything else (the empty key too) as a double-quoted string. */
export function escapeObjectKey(key: string): string {
  if (typeof key !== 'string') throw new InvalidIdentifierError('object key', String(key), 'not a string');
  return PLAIN.test(key) && !NUMBER_WORDS.test(key) ? key : quote(key, '"');
}

/** A string key after `table:`: bare when it cannot read as a number, otherwise in backticks (`` person:`123` ``). */
export function escapeRecordIdKey(key: string): string {
  return RID_PLAIN.test(key) && !NUMBER_WORDS.test(key) ? key : quote(key, '`');
}

/** A string literal the engine's way: single quotes, or double quotes when the text holds a `'`. */
export function quoteString(text: string): string {
  return quote(text, text.includes("'") ? '"' : "'");
}
