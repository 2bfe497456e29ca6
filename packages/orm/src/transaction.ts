/**
 * @module `transaction(async (tx) => ...)`: an interactive transaction on the configured (or
 * given) client, where the transport can hold one (@sdb/ws clients and sessions, the embedded
 * client). `tx` is a client: `Model.objects.using(tx)` and `{ using: tx }` run inside it, and a
 * throw cancels it, so nothing it wrote remains. HTTP cannot hold one (each request is a fresh
 * session): there `transaction()` refuses with `TransactionNotSupportedError` before running
 * anything, and the atomic forms are the single-statement writes (`bulkCreate`, `bulkUpsert`,
 * queryset `update`/`delete`) and @sdb/ql's `atomic(...)` + `runBatch`.
 */
import type { Queryable, TransactionOptions } from '@sdb/protocol';
import { resolveClient, type OrmClient, type Using } from './connection.ts';
import { TransactionNotSupportedError } from './errors.ts';

/** A client that can run an interactive transaction (@sdb/ws clients and sessions, the embedded client). */
interface TransactionalClient extends Queryable {
  transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
}

export function isTransactional(client: OrmClient): client is TransactionalClient {
  return typeof (client as Partial<TransactionalClient>).transaction === 'function';
}

/**
 * Runs `fn` in an interactive transaction on `using` (default: the `default` connection) and
 * answers what it returns; any throw (or a failed commit) cancels the transaction. Inside a
 * transaction already (`using` is a `tx`), `fn` joins it: SurrealDB has no savepoints, so the
 * outer transaction decides. `retries` runs `fn` again after a transaction conflict.
 */
export async function transaction<T>(fn: (tx: OrmClient) => Promise<T>, options: { using?: Using } & TransactionOptions = {}): Promise<T> {
  const { using, ...transactionOptions } = options;
  const client = resolveClient(using);
  if (client.txn !== undefined) return fn(client);
  if (!isTransactional(client)) throw new TransactionNotSupportedError();
  return client.transaction(fn, transactionOptions);
}
