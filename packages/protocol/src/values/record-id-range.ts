/**
 * @module RecordIdRange: a range of record ids in one table, `table:begin..end` (CBOR tag 8
 * around a tag 49 range).
 */
import { TAG_RECORD_ID, cborTag, cborValue } from '../cbor/tags.ts';
import { brand, isBranded } from './brand.ts';
import { BoundExcluded, BoundIncluded, boundsEqual, formatRange, type Bound } from './bound.ts';
import { Range } from './range.ts';
import { escapeRecordIdPart } from './literal.ts';
import { formatKey, tableName, type RecordIdKey } from './record-id.ts';
import type { Table } from './table.ts';

const RECORD_ID_RANGE = brand('RecordIdRange');

/** The records of `table` whose keys fall between two bounds, e.g. `person:1..=100`. */
export class RecordIdRange<Tb extends string = string, Key extends RecordIdKey = RecordIdKey> {
  readonly table: Tb;
  readonly begin: Bound<Key>;
  readonly end: Bound<Key>;

  constructor(table: Tb | Table<Tb>, begin: Bound<Key>, end: Bound<Key>) {
    this.table = tableName(table);
    for (const bound of [begin, end]) {
      if (bound !== undefined && !(bound instanceof BoundIncluded) && !(bound instanceof BoundExcluded)) {
        throw new TypeError('A range bound is a BoundIncluded, a BoundExcluded or undefined');
      }
    }
    this.begin = begin;
    this.end = end;
  }

  toString(): string {
    return `${escapeRecordIdPart(this.table)}:${formatRange(this.begin, this.end, formatKey)}`;
  }

  toJSON(): string {
    return this.toString();
  }

  equals(other: unknown): boolean {
    return other instanceof RecordIdRange && other.table === this.table && boundsEqual(this.begin, other.begin) && boundsEqual(this.end, other.end);
  }

  get [RECORD_ID_RANGE](): true {
    return true;
  }

  get [cborTag](): number {
    return TAG_RECORD_ID;
  }

  [cborValue](): unknown {
    return [this.table, new Range(this.begin, this.end)];
  }

  static [Symbol.hasInstance](value: unknown): value is RecordIdRange {
    return isBranded(this, RecordIdRange, RECORD_ID_RANGE, value);
  }
}
