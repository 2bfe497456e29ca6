/**
 * @module The SurrealDB 3.0.2 error messages this package recognises. The engine sends schema
 * violations as kind `Internal` with no details, and parse errors with no details either, so the
 * message text is the only thing that tells them apart; each pattern here was checked against
 * the real engine (packages/embedded/test/schema-errors.test.ts). Values and record ids in the
 * messages are SurrealQL text, as the engine printed them, and may span lines (hence the `s` flag).
 */

/** `Parse error: Unexpected token ...` (kind `Validation`). */
export const PARSE_ERROR_PREFIX = 'Parse error: ';

/** A UNIQUE index refused a value another record already holds. */
export const UNIQUE_VIOLATION = /^Database index `(?<index>.+?)` already contains (?<value>.+), with record `(?<existingRecord>.+)`$/s;

/** A value does not coerce to the field's TYPE; an array of the wrong length is reported by its length, not its value. */
export const FIELD_TYPE = /^Couldn't coerce value for field `(?<field>.+?)` of `(?<record>.+?)`: Expected `(?<expected>.+?)` but found (?:`(?<found>.*)`|a collection of length `\d+`)$/s;

/** A value fails the field's ASSERT clause. */
export const FIELD_ASSERTION = /^Found (?<value>.+) for field `(?<field>.+?)`, with record `(?<record>.+?)`, but field must conform to: (?<assertion>.+)$/s;

/** A write changed a READONLY field. */
export const READ_ONLY_FIELD = /^Found changed value for field `(?<field>.+?)`, with record `(?<record>.+)`, but field is readonly$/s;

/** A SCHEMAFULL table got a field it does not define. */
export const UNKNOWN_FIELD = /^Found field '(?<field>.+)', but no such field exists for table '(?<table>.+)'$/s;

/** A normal record written to a TYPE RELATION table, or a relation to a TYPE NORMAL one. */
export const TABLE_TYPE = /^Found record: `(?<record>.+)` which is (?:not )?a relation, but expected a (?<expected>\w+)$/s;

/** A DELETE refused by a `REFERENCE ON DELETE REJECT` field of another record. */
export const DELETE_REJECTED = /^Cannot delete `(?<record>.+?)` as it is referenced by `(?<referencedBy>.+)` with an ON DELETE REJECT clause$/s;
