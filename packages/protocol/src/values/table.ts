/**
 * @module Table: a table name as a value (CBOR tag 7).
 */
import { TAG_TABLE, cborTag, cborValue } from '../cbor/tags.ts';
import { brand, isBranded } from './brand.ts';
import { escapeIdent } from './literal.ts';

const TABLE = brand('Table');

/** A SurrealDB table name, distinct from a plain string on the wire. */
export class Table<Name extends string = string> {
  readonly name: Name;

  constructor(name: Name) {
    if (typeof name !== 'string') throw new TypeError('A table name must be a string');
    this.name = name;
  }

  /** The name as SurrealQL writes it: bare, or in backticks when not a plain identifier. */
  toString(): string {
    return escapeIdent(this.name);
  }

  toJSON(): string {
    return this.name;
  }

  equals(other: unknown): boolean {
    return other instanceof Table && other.name === this.name;
  }

  get [TABLE](): true {
    return true;
  }

  get [cborTag](): number {
    return TAG_TABLE;
  }

  [cborValue](): unknown {
    return this.name;
  }

  static [Symbol.hasInstance](value: unknown): value is Table {
    return isBranded(this, Table, TABLE, value);
  }
}
