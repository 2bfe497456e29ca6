/**
 * @module `upsert(lookup, values)`: update the one record whose unique fields match `lookup`, or
 * create it from `lookup` and `values`, in one UPSERT statement (atomic; the unique index
 * guarantees at most one match); `bulkUpsert(rows, { key })`: one such UPSERT per row, a batch
 * of them sent as one atomic query. SurrealDB 3 answers an UPSERT that would create an invalid
 * record with an empty result and no error; that silence becomes `RecordNotAffectedError`.
 */
import { and, atomic, eq, run, runBatch, upsert, type UpdateQuery } from '@sdb/ql';
import { RecordId } from '@sdb/protocol';
import type { OrmClient } from '../connection.ts';
import { QuerySetError, RecordNotAffectedError } from '../errors.ts';
import type { ModelShape } from '../schema/validate.ts';
import { isAtomic } from './atomic.ts';
import { withPatch } from './patch.ts';

type Row = Record<string, unknown>;

/** The UPSERT for one lookup: its keys are checked to be unique fields (or `id`) with plain values. */
function upsertStatement(model: ModelShape, lookup: Row, values: Row, operation: string): UpdateQuery<Row> {
  const keys = Object.keys(lookup);
  if (keys.length === 0) throw new QuerySetError(`${operation} needs a lookup: the unique fields (or the id) that find the record`);
  for (const key of keys) {
    const unique = key === 'id' || (Object.hasOwn(model.fields, key) && model.fields[key]!.config.unique);
    if (!unique) throw new QuerySetError(`${operation} looks records up by unique fields or id; ${model.table}.${key} is not declared .unique()`);
    if (lookup[key] === undefined || lookup[key] === null || isAtomic(lookup[key])) throw new QuerySetError(`${operation}: the lookup of ${key} needs a plain value`);
  }
  const { id, ...byFields } = lookup;
  const record = id === undefined ? undefined : id instanceof RecordId ? id : new RecordId(model.table, id as string | number);
  const base = upsert<Row>(record ?? model.table);
  const where = Object.keys(byFields).length > 0 ? and(...Object.entries(byFields).map(([key, value]) => eq(key, value))) : undefined;
  return withPatch(where === undefined ? base : base.where(where), model, { ...byFields, ...values });
}

/** The one record an UPSERT answered, or the error saying why there is not exactly one. */
function upserted(model: ModelShape, rows: readonly Row[] | undefined, lookup: Row, operation: 'upsert' | 'bulkUpsert'): Row {
  if (rows !== undefined && rows.length > 1) throw new QuerySetError(`${operation}() on ${model.table} changed ${rows.length} records; its lookup must pick one`);
  const row = rows?.[0];
  if (row === undefined) throw new RecordNotAffectedError(model.table, 'upsert', `${model.table} matching ${Object.keys(lookup).join(', ')} (a new record would break the schema, e.g. a required field missing, or permissions deny it)`);
  return row;
}

/** Runs the UPSERT and answers the record as stored. */
export async function upsertRow(model: ModelShape, client: () => OrmClient, lookup: Row, values: Row): Promise<Row> {
  const query = upsertStatement(model, lookup, values, 'upsert()');
  return upserted(model, await run(client(), query), lookup, 'upsert');
}

/**
 * Upserts each row by its `key` fields, `batchSize` rows per query: every statement is built
 * (and every row checked) before the first batch is sent, and each batch is one atomic query
 * (`BEGIN; UPSERT …; …; COMMIT;`), so a row the server refuses leaves its batch unwritten.
 */
export async function upsertRows(model: ModelShape, client: () => OrmClient, rows: readonly Row[], key: readonly string[], batchSize: number): Promise<Row[]> {
  if (key.length === 0) throw new QuerySetError('bulkUpsert() needs a key: the unique fields (or id) that find each record');
  if (!Number.isInteger(batchSize) || batchSize <= 0) throw new QuerySetError(`bulkUpsert() batchSize is a positive integer, got ${batchSize}`);
  const lookups: Row[] = [];
  const statements = rows.map((row) => {
    const lookup: Row = {};
    const values: Row = { ...row };
    for (const name of key) {
      lookup[name] = row[name];
      delete values[name];
    }
    lookups.push(lookup);
    return upsertStatement(model, lookup, values, 'bulkUpsert()');
  });
  const on = client();
  const out: Row[] = [];
  for (let start = 0; start < statements.length; start += batchSize) {
    const results = (await runBatch(on, atomic(...statements.slice(start, start + batchSize)))) as (readonly Row[] | undefined)[];
    results.forEach((result, i) => out.push(upserted(model, result, lookups[start + i]!, 'bulkUpsert')));
  }
  return out;
}
