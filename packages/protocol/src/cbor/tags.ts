/**
 * @module CBOR tag numbers SurrealDB uses, and the two symbols through which a value class
 * tells the encoder its tag and tagged content.
 */

export const TAG_DATETIME_STRING = 0;
export const TAG_BIGNUM_POSITIVE = 2;
export const TAG_BIGNUM_NEGATIVE = 3;
export const TAG_NONE = 6;
export const TAG_TABLE = 7;
export const TAG_RECORD_ID = 8;
export const TAG_UUID_STRING = 9;
export const TAG_DECIMAL = 10;
export const TAG_DATETIME = 12;
export const TAG_DURATION_STRING = 13;
export const TAG_DURATION = 14;
export const TAG_FUTURE = 15;
export const TAG_UUID = 37;
export const TAG_RANGE = 49;
export const TAG_BOUND_INCLUDED = 50;
export const TAG_BOUND_EXCLUDED = 51;
export const TAG_FILE = 55;
export const TAG_SET = 56;
export const TAG_GEOMETRY_POINT = 88;
export const TAG_GEOMETRY_LINE = 89;
export const TAG_GEOMETRY_POLYGON = 90;
export const TAG_GEOMETRY_MULTIPOINT = 91;
export const TAG_GEOMETRY_MULTILINE = 92;
export const TAG_GEOMETRY_MULTIPOLYGON = 93;
export const TAG_GEOMETRY_COLLECTION = 94;

/**
 * A value class exposes its CBOR tag under this key. `Symbol.for` (not a local symbol) so
 * values created by a second installed copy of this package still encode.
 */
export const cborTag: unique symbol = Symbol.for('sdb.cborTag') as never;
/** A value class returns the content of its tag (encoded after the tag number) under this key. */
export const cborValue: unique symbol = Symbol.for('sdb.cborValue') as never;

/** What the encoder needs from a value that encodes as a tag. */
export interface CborTaggable {
  readonly [cborTag]: number;
  [cborValue](): unknown;
}
