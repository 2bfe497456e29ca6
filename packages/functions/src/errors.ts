/**
 * @module The errors a builder throws before anything reaches the database. `QueryBuildError` and
 * `InvalidIdentifierError` live in @sdb/protocol, beside the escaper that throws the latter, and
 * are re-exported here; a wrong number of arguments is this package's own.
 */
import { QueryBuildError } from '@sdb/protocol';
import { errorBrand } from '@sdb/protocol/transport';

export { InvalidIdentifierError, QueryBuildError } from '@sdb/protocol';

/** A built-in function called with too few or too many arguments. */
export class ArityError extends QueryBuildError {
  static override readonly [errorBrand]: string = 'ArityError';
}
