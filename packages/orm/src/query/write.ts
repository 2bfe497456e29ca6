/**
 * @module How the ORM's writes run: like @sdb/ql's `run()`, except that a statement the schema
 * refused throws the typed violation itself (@sdb/protocol's `UniqueViolationError` naming the
 * index, `FieldTypeError`...), not the `StatementError` that wraps it, so `catch (e) { if (e
 * instanceof UniqueViolationError) … }` works on `create()`, `bulkCreate()` and `save()`.
 */
import { SchemaViolationError, StatementError } from '@sdb/protocol';
import { run, type Expression } from '@sdb/ql';
import type { OrmClient } from '../connection.ts';

export async function runWrite<R>(client: OrmClient, statement: Expression<R>): Promise<R> {
  try {
    return await run(client, statement);
  } catch (error) {
    throw error instanceof StatementError && error.cause instanceof SchemaViolationError ? error.cause : error;
  }
}
