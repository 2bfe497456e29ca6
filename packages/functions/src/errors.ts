/**
 * @module The errors a builder throws before anything reaches the database: a bad identifier,
 * a wrong number of arguments, or a node the printer cannot print.
 */

/** Something about a query is wrong in the code that builds it; thrown synchronously, never sent. */
export class QueryBuildError extends Error {
  override name = 'QueryBuildError';
}

/** An identifier (table, field, parameter, index name...) that SurrealQL cannot spell, e.g. an empty string. */
export class InvalidIdentifierError extends QueryBuildError {
  override name = 'InvalidIdentifierError';
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
  override name = 'ArityError';
}
