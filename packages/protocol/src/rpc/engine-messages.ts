/**
 * @module The SurrealDB 3.0.2 error messages this package recognises. The engine sends schema
 * violations as kind `Internal` with no details, and parse errors with no details either, so the
 * message text is the only thing that tells them apart; each pattern here was checked against
 * the real engine (packages/embedded/test/schema-errors.test.ts). Values and record ids in the
 * messages are SurrealQL text, as the engine printed them.
 */

/** `Parse error: Unexpected token ...` (kind `Validation`). */
export const PARSE_ERROR_PREFIX = 'Parse error: ';

/** A UNIQUE index refused a value another record already holds. */
export const UNIQUE_VIOLATION = /^Database index `(?<index>.+?)` already contains (?<value>[\s\S]+), with record `(?<existingRecord>[\s\S]+)`$/;

/** A value does not coerce to the field's TYPE. `found` is `` `value` `` or `a collection of length `n``. */
export const FIELD_TYPE = /^Couldn't coerce value for field `(?<field>.+?)` of `(?<record>[\s\S]+?)`: Expected `(?<expected>[\s\S]+?)` but found (?<found>[\s\S]+)$/;

/** A value fails the field's ASSERT clause. */
export const FIELD_ASSERTION = /^Found (?<value>[\s\S]+) for field `(?<field>.+?)`, with record `(?<record>[\s\S]+?)`, but field must conform to: (?<assertion>[\s\S]+)$/;

/** A write changed a READONLY field. */
export const READ_ONLY_FIELD = /^Found changed value for field `(?<field>.+?)`, with record `(?<record>[\s\S]+)`, but field is readonly$/;

/** A SCHEMAFULL table got a field it does not define. */
export const UNKNOWN_FIELD = /^Found field '(?<field>[\s\S]+)', but no such field exists for table '(?<table>[\s\S]+)'$/;

/** A normal record written to a TYPE RELATION table, or a relation to a TYPE NORMAL one. */
export const TABLE_TYPE = /^Found record: `(?<record>[\s\S]+)` which is (?:not )?a relation, but expected a (?<expected>\w+)$/;

/** A DELETE refused by a `REFERENCE ON DELETE REJECT` field of another record. */
export const DELETE_REJECTED = /^Cannot delete `(?<record>[\s\S]+?)` as it is referenced by `(?<referencedBy>[\s\S]+)` with an ON DELETE REJECT clause$/;
