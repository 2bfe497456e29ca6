/**
 * @module RecordId: `table:key` (CBOR tag 8 `[table, key]`).
 */
import { TAG_RECORD_ID, cborTag, cborValue } from '../cbor/tags.ts';
import { brand, isBranded } from './brand.ts';
import { valuesEqual } from './equality.ts';
import { escapeRecordIdPart, toSurrealQL } from './literal.ts';
import { Table } from './table.ts';
import { Uuid } from './uuid.ts';

const RECORD_ID = brand('RecordId');
const MIN_I64 = -(2n ** 63n);
const MAX_I64 = 2n ** 63n - 1n;

/** What may follow the colon of a record id (a range of keys is a RecordIdRange). */
export type RecordIdKey = string | number | bigint | Uuid | readonly unknown[] | { readonly [key: string]: unknown };

/** A record id such as `person:tobie`, `person:⟨tobie lee⟩`, `temp:[1, 'a']` or `log:u'…'`. */
export class RecordId<Tb extends string = string, Id extends RecordIdKey = RecordIdKey> {
  readonly table: Tb;
  readonly id: Id;

  constructor(table: Tb | Table<Tb>, id: Id) {
    this.table = tableName(table);
    this.id = checkKey(id);
  }

  /** SurrealQL form, with the table and string keys escaped as SurrealDB prints them. */
  toString(): string {
    return `${escapeRecordIdPart(this.table)}:${formatKey(this.id)}`;
  }

  toJSON(): string {
    return this.toString();
  }

  equals(other: unknown): boolean {
    return other instanceof RecordId && other.table === this.table && valuesEqual(this.id, other.id);
  }

  get [RECORD_ID](): true {
    return true;
  }

  get [cborTag](): number {
    return TAG_RECORD_ID;
  }

  [cborValue](): unknown {
    return [this.table, this.id];
  }

  static [Symbol.hasInstance](value: unknown): value is RecordId {
    return isBranded(this, RecordId, RECORD_ID, value);
  }
}

/** The table name from a string or a Table. */
export function tableName<Tb extends string>(table: Tb | Table<Tb>): Tb {
  if (typeof table === 'string') return table;
  if (table instanceof Table) return table.name;
  throw new TypeError('A record id table is a string or a Table');
}

/** A record id key in SurrealQL form: strings escaped with ⟨⟩, numbers bare, others as literals. */
export function formatKey(key: unknown): string {
  return typeof key === 'string' ? escapeRecordIdPart(key) : toSurrealQL(key);
}

function checkKey<Id extends RecordIdKey>(id: Id): Id {
  switch (typeof id) {
    case 'string':
      return id;
    case 'number':
      if (Number.isSafeInteger(id)) return id;
      throw new TypeError(`A numeric record id key must be a safe integer, not ${id}`);
    case 'bigint':
      if (id >= MIN_I64 && id <= MAX_I64) return id;
      throw new TypeError(`A numeric record id key must fit in 64 bits, not ${id}`);
    case 'object':
      if (id instanceof Uuid || Array.isArray(id)) return id;
      if (id !== null && isPlainObject(id)) return id;
  }
  throw new TypeError('A record id key is a string, an integer, a bigint, a Uuid, an array or a plain object');
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
