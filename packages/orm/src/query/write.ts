/**
 * @module The ORM's writes: CREATE, INSERT, UPDATE with a patch and DELETE, with the data checked
 * against the model first (../schema/validate.ts, ./patch.ts). Instances and querysets import
 * this module on their first write, so a page that only reads never downloads it. A statement the
 * schema refused throws the typed violation itself (@sdb/protocol's `UniqueViolationError` naming
 * the index, `FieldTypeError`...), not the `StatementError` that wraps it, so `catch (e) { if (e
 * instanceof UniqueViolationError) … }` works on `create()`, `bulkCreate()` and `save()`.
 */
import { SchemaViolationError, StatementError, type RecordId } from '@sdb/protocol';
import { create, deleteFrom, insert, run, update, type Expression, type Target } from '@sdb/ql';
import type { OrmClient } from '../connection.ts';
import { recordToCreate, type ModelShape } from '../schema/validate.ts';
import { withPatch } from './patch.ts';

type Row = Record<string, unknown>;
/** The client, looked up once the statement is built: bad data is reported before an unknown connection. */
type ClientOf = () => OrmClient;

export async function runWrite<R>(client: OrmClient, statement: Expression<R>): Promise<R> {
  try {
    return await run(client, statement);
  } catch (error) {
    throw error instanceof StatementError && error.cause instanceof SchemaViolationError ? error.cause : error;
  }
}

/** CREATE of one record from `data` (checked, defaults filled in): the stored row. */
export async function createRecord(client: ClientOf, model: ModelShape, data: Row): Promise<Row> {
  const { id, ...content } = recordToCreate(model, data);
  const [row] = await runWrite(client(), create<Row>(id === undefined ? model.table : (id as RecordId)).content(content));
  return row!;
}

/** INSERTs of `rows`, `batchSize` per statement, every row checked before the first is sent: the stored rows, in order. */
export async function insertRecords(client: ClientOf, model: ModelShape, rows: readonly Row[], batchSize: number): Promise<Row[]> {
  const checked = rows.map((row) => recordToCreate(model, row));
  const stored: Row[] = [];
  for (let start = 0; start < checked.length; start += batchSize) stored.push(...(await runWrite(client(), insert<Row>(model.table, checked.slice(start, start + batchSize)))));
  return stored;
}

/** UPDATE of one record with `patch` (checked): its new state, or `undefined` when the record is gone. */
export async function updateRecord(client: ClientOf, model: ModelShape, id: RecordId, patch: Row): Promise<Row | undefined> {
  const statement = withPatch(update<Row>(id), model, patch);
  const [row] = await runWrite(client(), statement);
  return row;
}

/** UPDATE with `patch` (checked) of the records of `target` matching `where`: how many were changed. */
export async function updateWhere(client: ClientOf, model: ModelShape, target: Target, where: Expression<boolean> | undefined, patch: Row): Promise<number> {
  const statement = withPatch(update(target), model, patch).return(['id']).where(where);
  return (await run(client(), statement)).length;
}

/** DELETE of the records of `target` (a record id: that one) matching `where`: how many went. */
export async function deleteWhere(client: ClientOf, target: Target, where?: Expression<boolean>): Promise<number> {
  const statement = deleteFrom(target).return('before').where(where);
  return (await run(client(), statement)).length;
}
