/**
 * @module RecordId: `table:key` (CBOR tag 8 `[table, key]`).
 */
import { TAG_RECORD_ID, cborValue } from '../cbor/tags.ts';
import { escapeIdent, escapeRecordIdKey } from './escape.ts';
import { toSurrealQL } from './literal.ts';
import { Table } from './table.ts';
import { Uuid } from './uuid.ts';
import { Value, brandValue } from './value.ts';

/** What may follow the colon of a record id (a range of keys is a RecordIdRange). */
export type RecordIdKey = string | number | bigint | Uuid | readonly unknown[] | { readonly [key: string]: unknown };

/** A record id such as `person:tobie`, `` person:`tobie lee` ``, `temp:[1, 'a']` or `log:u'…'`. */
export class RecordId<Tb extends string = string, Id extends RecordIdKey = RecordIdKey> extends Value {
  declare readonly table: Tb;
  declare readonly id: Id;

  constructor(table: Tb | Table<Tb>, id: Id) {
    super();
    this.table = tableName(table);
    this.id = checkKey(id);
  }

  /** SurrealQL form: the table quoted as an identifier, a string key as SurrealDB prints it (`` person:`tobie lee` ``). */
  toString(): string {
    return `${escapeIdent(this.table, 'table')}:${formatKey(this.id)}`;
  }

  [cborValue](): unknown {
    return [this.table, this.id];
  }

  static {
    brandValue(this, 'RecordId', TAG_RECORD_ID);
  }
}

/** The table name from a string or a Table. */
export function tableName<Tb extends string>(table: Tb | Table<Tb>): Tb {
  if (typeof table === 'string') return table;
  if (table instanceof Table) return table.name;
  throw new TypeError('A record id table is a string or a Table');
}

/** A record id key in SurrealQL form: strings bare or in backticks, numbers bare, others as literals. */
export function formatKey(key: unknown): string {
  return typeof key === 'string' ? escapeRecordIdKey(key) : toSurrealQL(key);
}

/**
 * The key when it is one SurrealDB accepts: a string, a safe integer, a bigint within i64, a
 * Uuid, an array or a plain object.
 */
function checkKey<Id extends RecordIdKey>(id: Id): Id {
  if (
    typeof id === 'string' ||
    Number.isSafeInteger(id) ||
    (typeof id === 'bigint' && BigInt.asIntN(64, id) === id) ||
    id instanceof Uuid ||
    Array.isArray(id) ||
    (typeof id === 'object' && id !== null && [Object.prototype, null].includes(Object.getPrototypeOf(id)))
  ) {
    return id;
  }
  throw new TypeError('A record id key is a string, a safe integer, a 64-bit bigint, a Uuid, an array or a plain object');
}
