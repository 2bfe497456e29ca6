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
