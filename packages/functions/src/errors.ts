/**
 * @module The errors a builder throws before anything reaches the database: a bad identifier,
 * a wrong number of arguments, or a node the printer cannot print. All are `SdbError`s.
 */
import { SdbError } from '@sdb/protocol';

/** The brand @sdb/protocol's error tree recognises across package copies. */
const BRAND = Symbol.for('sdb.errorBrand');

/** Something about a query is wrong in the code that builds it; thrown synchronously, never sent. */
export class QueryBuildError extends SdbError {
  static readonly [BRAND]: string = 'QueryBuildError';
}

/** An identifier (table, field, parameter, index name...) that SurrealQL cannot spell, e.g. an empty string. */
export class InvalidIdentifierError extends QueryBuildError {
  static override readonly [BRAND]: string = 'InvalidIdentifierError';
  constructor(
    readonly kind: string,
    readonly identifier: string,
    reason: string,
  ) {
    super(`Invalid ${kind} name ${JSON.stringify(identifier)}: ${reason}`);
  }
}

/** A built-in function called with too few or too many arguments. */
export class ArityError extends QueryBuildError {
  static override readonly [BRAND]: string = 'ArityError';
}
