/**
 * @module RecordIdRange: a range of record ids in one table, `table:begin..end` (CBOR tag 8
 * around a tag 49 range).
 */
import { TAG_RECORD_ID, cborValue } from '../cbor/tags.ts';
import { checkBound, formatRange, type Bound } from './bound.ts';
import { escapeIdent } from './escape.ts';
import { Range } from './range.ts';
import { formatKey, tableName, type RecordIdKey } from './record-id.ts';
import type { Table } from './table.ts';
import { Value, brandValue } from './value.ts';

/** The records of `table` whose keys fall between two bounds, e.g. `person:1..=100`. */
export class RecordIdRange<Tb extends string = string, Key extends RecordIdKey = RecordIdKey> extends Value {
  declare readonly table: Tb;
  declare readonly begin: Bound<Key>;
  declare readonly end: Bound<Key>;

  constructor(table: Tb | Table<Tb>, begin: Bound<Key>, end: Bound<Key>) {
    super();
    this.table = tableName(table);
    this.begin = checkBound(begin);
    this.end = checkBound(end);
  }

  toString(): string {
    return `${escapeIdent(this.table, 'table')}:${formatRange(this.begin, this.end, formatKey)}`;
  }

  [cborValue](): unknown {
    return [this.table, new Range(this.begin, this.end)];
  }

  static {
    brandValue(this, 'RecordIdRange', TAG_RECORD_ID);
  }
}
