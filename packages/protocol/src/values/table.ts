/**
 * @module Table: a table name as a value (CBOR tag 7).
 */
import { TAG_TABLE, cborValue } from '../cbor/tags.ts';
import { escapeIdent } from './literal.ts';
import { Value, brandValue } from './value.ts';

/** A SurrealDB table name, distinct from a plain string on the wire. */
export class Table<Name extends string = string> extends Value {
  declare readonly name: Name;

  constructor(name: Name) {
    super();
    if (typeof name !== 'string') throw new TypeError('A table name must be a string');
    this.name = name;
  }

  /** The name as SurrealQL writes it: bare, or in backticks when not a plain identifier. */
  toString(): string {
    return escapeIdent(this.name);
  }

  override toJSON(): string {
    return this.name;
  }

  [cborValue](): string {
    return this.name;
  }

  static {
    brandValue(this, 'Table', TAG_TABLE);
  }
}
