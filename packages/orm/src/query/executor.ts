/**
 * @module Running @sdb/ql statements on an ORM client: ql's compiler prints them (every value
 * bound), the client sends them; a failed statement throws its `StatementError` unchanged.
 */
import type { Expression } from '@sdb/functions';
import { compile } from '@sdb/ql';
import type { OrmClient } from '../connection.ts';

/** Runs one statement and answers its result. */
export async function execute<R>(client: OrmClient, statement: Expression<R>): Promise<R> {
  const [result] = await client.queryAll<[R]>(compile(statement));
  return result;
}
