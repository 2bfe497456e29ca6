/**
 * @module `upsert(lookup, values)`: update the one record whose unique fields match `lookup`, or
 * create it from `lookup` and `values`, in one UPSERT statement (atomic; the unique index
 * guarantees at most one match). SurrealDB 3 answers an UPSERT that would create an invalid
 * record with an empty result and no error; that silence becomes `RecordNotAffectedError`.
 */
import { and, eq, run, upsert } from '@sdb/ql';
import { RecordId } from '@sdb/protocol';
import type { OrmClient } from '../connection.ts';
import { QuerySetError, RecordNotAffectedError } from '../errors.ts';
import type { ModelShape } from '../schema/validate.ts';
import { isAtomic, withPatch } from './atomic.ts';

/** Runs the UPSERT and answers the record as stored. */
export async function upsertRow(model: ModelShape, client: () => OrmClient, lookup: Record<string, unknown>, values: Record<string, unknown>): Promise<Record<string, unknown>> {
  const keys = Object.keys(lookup);
  if (keys.length === 0) throw new QuerySetError('upsert() needs a lookup: the unique fields (or the id) that find the record');
  for (const key of keys) {
    const unique = key === 'id' || (Object.hasOwn(model.fields, key) && model.fields[key]!.config.unique);
    if (!unique) throw new QuerySetError(`upsert() looks records up by unique fields or id; ${model.table}.${key} is not declared .unique()`);
    if (lookup[key] === undefined || lookup[key] === null || isAtomic(lookup[key])) throw new QuerySetError(`upsert(): the lookup of ${key} needs a plain value`);
  }
  const { id, ...byFields } = lookup;
  const record = id === undefined ? undefined : id instanceof RecordId ? id : new RecordId(model.table, id as string | number);
  const target = record ?? model.table;
  const base = upsert<Record<string, unknown>>(target);
  const where = Object.keys(byFields).length > 0 ? and(...Object.entries(byFields).map(([key, value]) => eq(key, value))) : undefined;
  const query = withPatch(where === undefined ? base : base.where(where), model, { ...byFields, ...values });
  const rows = await run(client(), query);
  if (rows.length > 1) throw new QuerySetError(`upsert() on ${model.table} changed ${rows.length} records; its lookup must pick one`);
  const [row] = rows;
  if (row === undefined) throw new RecordNotAffectedError(model.table, 'upsert', `${model.table} matching ${keys.join(', ')} (a new record would break the schema, e.g. a required field missing, or permissions deny it)`);
  return row;
}
