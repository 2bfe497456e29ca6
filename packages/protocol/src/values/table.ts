/**
 * @module Table: a table name as a value (CBOR tag 7).
 */
import { TAG_TABLE, cborValue } from '../cbor/tags.ts';
import { quoteString } from './escape.ts';
import { Value, brandValue } from './value.ts';

/** A SurrealDB table name, distinct from a plain string on the wire. */
export class Table<Name extends string = string> extends Value {
  declare readonly name: Name;

  constructor(name: Name) {
    super();
    if (typeof name !== 'string') throw new TypeError('A table name must be a string');
    this.name = name;
  }

  /**
   * The SurrealQL literal of the table value, `type::table('person')`: a bare name in an
   * expression is a field, not a table (and `select` would not parse at all).
   */
  toString(): string {
    return `type::table(${quoteString(this.name)})`;
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
