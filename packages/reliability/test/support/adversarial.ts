/**
 * @module Adversarial strings for the injection checks: quote marks, escapes, comments, statement
 * separators, parameter and record-id syntax, keywords, control and odd Unicode characters, and
 * pieces of real injection attempts, alone, glued together, or as arbitrary Unicode.
 */
import fc from 'fast-check';

export const NASTY = [
  "'", '"', '`', '⟨', '⟩', '\\', '\\`', "\\'", '$p0', '$', ';', '--', '/*', '*/', '#', '//', '\n', '\r', '\t', '\0', ' ', '{', '}', '(', ')', '[', ']',
  ':', ',', '->', '<-', '<->', '@@', '|', '<|2|>', '=', 'NONE', 'NULL', 'SELECT', 'FROM', 'WHERE', 'DELETE', 'RETURN', 'true', '0', '1e3', '0x1F', 'NaN',
  'Infinity', 'person:1', 'u"0"', "r'x'", '⟩; DELETE person; --', "'; REMOVE TABLE person; --", '` OR 1=1; --', '"]}); SELECT * FROM user; --',
  '😀', 'é', '\u202E', '\u2028', '\uFEFF', 'ǅ',
];

/** Any adversarial string, the empty one included. */
export const adversarialValue = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.array(fc.constantFrom(...NASTY, 'a', 'Z', '_', '9'), { minLength: 2, maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 16 }),
);

/** An adversarial name for a table, field or other identifier: not empty (refused by design), no `.` (a path separator in field paths). */
export const adversarialName = adversarialValue.filter((name) => name.length > 0 && !name.includes('.'));

/** SurrealQL keywords, function namespaces and number words: the hardest plain identifiers, for APIs that take only identifiers. */
export const KEYWORDS = [...new Set([
  'SELECT', 'FROM', 'WHERE', 'NONE', 'NULL', 'TRUE', 'false', 'VALUE', 'ONLY', 'ORDER', 'BY', 'LIMIT', 'START', 'FETCH', 'GROUP', 'SPLIT', 'AND', 'OR',
  'NOT', 'IS', 'CONTAINS', 'INSIDE', 'IN', 'OUT', 'LET', 'RETURN', 'DELETE', 'UPDATE', 'CREATE', 'DEFINE', 'REMOVE', 'TABLE', 'FIELD', 'INDEX', 'AS',
  'ON', 'TYPE', 'PERMISSIONS', 'FULL', 'DIFF', 'AFTER', 'BEFORE', 'RAND', 'NaN', 'Infinity', 'math', 'string', 'time', 'count', 'array', 'object',
  'select', 'where', 'none', 'value', 'e10', '_1', '_', 'x1e3', 'ONLY', 'VERSION', 'TIMEOUT', 'PARALLEL', 'EXPLAIN', 'CONTENT', 'MERGE', 'PATCH',
  'REPLACE', 'SET', 'UNSET', 'OMIT', 'WITH', 'NOINDEX', 'TEMPFILES', 'ASC', 'DESC', 'COLLATE', 'NUMERIC', 'ALL', 'ANY', 'IGNORE', 'INTO', 'DUPLICATE',
  'KEY', 'RELATION', 'WHEN', 'THEN', 'ELSE', 'END', 'TO', 'UNIQUE', 'FIELDS', 'COLUMNS', 'AT', 'LIVE', 'KILL', 'USE', 'NS', 'DB', 'COMMENT',
])];

/** A plain identifier (letters, digits, `_`), often a keyword. */
export const adversarialIdentifier = fc.oneof(fc.constantFrom(...KEYWORDS), fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/));
