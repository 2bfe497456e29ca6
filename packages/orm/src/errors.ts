/**
 * @module The ORM's own errors, all `SdbError`s (so one `catch` sees every sdb failure) carrying
 * the model they concern. Server errors pass through as @sdb/protocol's errors: a write the
 * schema refuses as its typed violation (`UniqueViolationError` naming the index...,
 * ./query/write.ts), anything else as the `StatementError`.
 */
import { SdbError } from '@sdb/protocol';
import { errorBrand } from '@sdb/protocol/transport';

/** `get()` (or `refresh()`) found no record. */
export class DoesNotExistError extends SdbError {
  static override readonly [errorBrand]: string = 'DoesNotExistError';

  constructor(
    readonly model: string,
    detail: string,
  ) {
    super(`${model} matching the query does not exist (${detail})`);
  }
}

/** `get()` matched more than one record. */
export class MultipleObjectsReturnedError extends SdbError {
  static override readonly [errorBrand]: string = 'MultipleObjectsReturnedError';

  constructor(readonly model: string) {
    super(`get() on ${model} matched more than one record; add a filter that picks one`);
  }
}

/**
 * A value breaks a field's declared rule, found before anything is sent. Named
 * `ModelValidationError` (its brand) so it never matches @sdb/protocol's server-side `ValidationError`.
 */
export class ValidationError extends SdbError {
  static override readonly [errorBrand]: string = 'ModelValidationError';

  constructor(
    readonly model: string,
    readonly field: string,
    readonly rule: string,
    detail: string,
  ) {
    super(`${model}.${field} fails "${rule}": ${detail}`);
  }
}

/**
 * A write on one record affected nothing: SurrealDB 3 answers an UPDATE/DELETE of a missing
 * record, or one table permissions deny, with an empty result and no error; this says so.
 */
export class RecordNotAffectedError extends SdbError {
  static override readonly [errorBrand]: string = 'RecordNotAffectedError';

  constructor(
    readonly model: string,
    readonly operation: 'save' | 'merge' | 'delete' | 'refresh' | 'upsert' | 'add' | 'remove' | 'set',
    record: string,
  ) {
    super(`${operation}() of ${record} affected no record: it does not exist (deleted?) or table permissions deny it`);
  }
}

/** A model, field or lookup declared or used in a way the ORM cannot honour (a clashing field name, an unknown lookup...). */
export class ModelDefinitionError extends SdbError {
  static override readonly [errorBrand]: string = 'ModelDefinitionError';
}

/** A queryset asked for something it cannot do (an unknown field or lookup, an update of a sliced queryset...). */
export class QuerySetError extends SdbError {
  static override readonly [errorBrand]: string = 'QuerySetError';
}

/**
 * `transaction()` on a client that cannot hold an interactive transaction: @sdb/http, where each
 * request runs in a fresh server session. Nothing was run.
 */
export class TransactionNotSupportedError extends SdbError {
  static override readonly [errorBrand]: string = 'TransactionNotSupportedError';

  constructor() {
    super(
      'transaction() needs a client that holds an interactive transaction (@sdb/ws or the embedded client); over HTTP each request is its own session. ' +
        'Atomic forms that work over HTTP: one-statement writes (bulkCreate, bulkUpsert, queryset update/delete) and @sdb/ql\'s atomic(...) run with runBatch',
    );
  }
}

/** `using('name')` (or the default) names no configured connection. */
export class UnknownConnectionError extends SdbError {
  static override readonly [errorBrand]: string = 'UnknownConnectionError';

  constructor(name: string, known: readonly string[]) {
    super(`No connection named "${name}" is configured (configured: ${known.length > 0 ? known.join(', ') : 'none'}); call configure({ ${name}: client }) first`);
  }
}
