/**
 * @module Errors of building a query: thrown synchronously by the escaper, the literal printer and
 * the query builders, never sent.
 */
import { SdbError, errorBrand } from './errors.ts';

/** Something about a query is wrong in the code that builds it; thrown synchronously, never sent. */
export class QueryBuildError extends SdbError {
  static override readonly [errorBrand]: string = 'QueryBuildError';
}

/** An identifier (table, field, parameter, index name...) that SurrealQL cannot spell, e.g. an empty string. */
export class InvalidIdentifierError extends QueryBuildError {
  static override readonly [errorBrand]: string = 'InvalidIdentifierError';
  declare readonly kind: string;
  declare readonly identifier: string;

  constructor(kind: string, identifier: string, reason: string) {
    super(`Invalid ${kind} name ${JSON.stringify(identifier)}: ${reason}`);
    this.kind = kind;
    this.identifier = identifier;
  }
}
