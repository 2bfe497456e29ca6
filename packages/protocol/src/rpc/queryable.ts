/**
 * @module `Queryable`: the client contract every layer above the transports takes (@sdb/ql's
 * `run`, and later the pool and the ORM). Every sdb client satisfies it: an `RpcClient` over any
 * transport, the @sdb/http client, the @sdb/ws client, its sessions and its transactions. A
 * transaction is a client: code written against `Queryable` runs inside one unchanged.
 */
import type { Uuid } from '../values/uuid.ts';
import type { StatementResult } from './statement-result.ts';
import type { CallOptions } from './transport.ts';

/** A query with its bound values, as @sdb/ql compiles statements. */
export interface CompiledQuery {
  query: string;
  bindings: Record<string, unknown>;
}

/** What code above the transports needs from a client: SurrealQL with bound values. */
export interface Queryable {
  /**
   * Runs SurrealQL and answers one result per statement; a failed statement is a
   * `{ok: false, error}` entry and does not reject the call. `vars` are merged over a compiled
   * query's bindings.
   */
  query(sql: string | CompiledQuery, vars?: Record<string, unknown>, options?: CallOptions): Promise<StatementResult[]>;
  /**
   * Runs SurrealQL and answers the results of every statement, or throws the first failed
   * statement's `StatementError`. Type the results as a tuple: `queryAll<[Person[], number]>(...)`.
   */
  queryAll<T extends unknown[] = unknown[]>(sql: string | CompiledQuery, vars?: Record<string, unknown>, options?: CallOptions): Promise<T>;
  /**
   * The interactive transaction every query of this client runs in (a transaction's client has
   * one). Its queries are atomic already, and the server refuses a `BEGIN` inside it.
   */
  readonly txn?: Uuid | undefined;
}

/** The query text and the values to bind: a compiled query's bindings with `vars` merged over them. */
export function queryText(sql: string | CompiledQuery, vars: Record<string, unknown> | undefined): [string, Record<string, unknown> | undefined] {
  return typeof sql === 'string' ? [sql, vars] : [sql.query, vars ? { ...sql.bindings, ...vars } : sql.bindings];
}
