/**
 * @module SurrealQL's own quoting, ported from SurrealDB 3.0.2 (`core/src/fmt/escape.rs`:
 * `Escape`, `QuoteStr`, `EscapeIdent`, `EscapeKwFreeIdent`, `EscapeKey`, `EscapeRidKey`;
 * `syn/lexer/keywords.rs`: the reserved keywords) and checked against the engine's parser.
 * Plain names stay readable; anything else is quoted with the engine's escapes, so no
 * identifier or string can break out of its quotes.
 */
import { InvalidIdentifierError } from '../rpc/build-errors.ts';

/**
 * Reserved words that begin an expression: the statements SurrealQL takes as values (`SELECT`,
 * `IF`, `LET`, `RETURN`...) and the literals `NONE NULL TRUE FALSE`. Found on the engine:
 * SurrealDB 3.0.2 accepts `DEFINE FIELD` under one of them (escaped), after which every write to
 * the table fails, so a schema cannot hold such a field.
 */
const EXPRESSION_KEYWORDS = new Set(
  'ALTER BREAK CONTINUE CREATE DEFINE DELETE FOR IF INFO INSERT REBUILD RETURN RELATE REMOVE SELECT LET SLEEP THROW UPDATE UPSERT NONE NULL TRUE FALSE FUNCTION EXPLAIN'.split(' '),
);

/**
 * Words the parser may read as a keyword where an identifier is expected (compared
 * case-insensitively). The engine's list, plus the words its statements take optionally right
 * before a target or a field, found by the reliability suite: `CREATE only SET …`, `DELETE from`,
 * `SELECT explain FROM …` are read as those keywords.
 */
const RESERVED = new Set([
  ...EXPRESSION_KEYWORDS,
  ...'BEGIN CANCEL COMMIT KILL LIVE OPTION SHOW USE DIFF RAND AFTER BEFORE VALUE BY ALL WHERE TABLE TB SEQUENCE ONLY FROM'.split(' '),
]);

/** Whether `name` (in any case) is a reserved word that begins an expression: see `EXPRESSION_KEYWORDS`. */
export function isExpressionKeyword(name: string): boolean {
  return EXPRESSION_KEYWORDS.has(name.toUpperCase());
}

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

/** A name as the engine prints it, unquoted: bare, or in backticks with the engine's escapes (`` `order-line` ``, `` `a\`b` ``). */
export function unquoteIdent(printed: string): string {
  if (!printed.startsWith('`')) return printed;
  const controls = Object.entries(CONTROL);
  return printed.slice(1, -1).replace(/\\(?:u\{8\}|.)/g, (escape) => controls.find(([, e]) => e === escape)?.[0] ?? escape.slice(1));
}

/** A string literal the engine's way: single quotes, or double quotes when the text holds a `'`. */
export function quoteString(text: string): string {
  return quote(text, text.includes("'") ? '"' : "'");
}
