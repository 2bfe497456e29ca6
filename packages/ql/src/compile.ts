/**
 * @module Compiling statements into `{ query, bindings }`, alone or as a batch or transaction,
 * and running them on any `RpcClient` with typed results.
 */
import type { CompiledQuery, RpcClient } from '@sdb/protocol';
import { QueryBuildError, isExpression, type Expression } from '@sdb/functions';
import { QueryCompiler } from './compiler.ts';

/** A compiled batch that remembers its statements' result types. */
export interface CompiledBatch<R extends readonly unknown[]> extends CompiledQuery {
  readonly __results?: R;
}

type ResultOf<E> = E extends Expression<infer R> ? R : unknown;
type Results<S extends readonly unknown[]> = { -readonly [K in keyof S]: ResultOf<S[K]> };

/** One statement (or a lone expression, as `RETURN ...`) into `{ query, bindings }`. */
export function compile<R>(statement: Expression<R>): CompiledBatch<[R]> {
  return batch(statement);
}

/** Several statements, `;`-separated, sharing one numbering of parameters. */
export function batch<const S extends readonly Expression[]>(...statements: S): CompiledBatch<Results<S>> {
  const compiler = new QueryCompiler();
  const text = statements
    .map((s) => {
      if (!isExpression(s)) throw new QueryBuildError('batch() and compile() take statements or expressions built by @sdb/ql or @sdb/functions');
      return `${compiler.statement(s.node)};`;
    })
    .join('\n');
  return { query: text, bindings: compiler.bindings };
}

/** `BEGIN; ...; COMMIT;` (or `CANCEL;` to roll back): all statements succeed or none do. */
export function transaction<const S extends readonly Expression[]>(statements: S, options: { cancel?: boolean } = {}): CompiledBatch<[undefined, ...Results<S>, undefined]> {
  const inner = batch(...statements);
  return { query: `BEGIN;\n${inner.query}\n${options.cancel ? 'CANCEL' : 'COMMIT'};`, bindings: inner.bindings };
}

/** Runs one statement and returns its typed result; a failed statement throws its `StatementError`. */
export async function run<R>(client: RpcClient, statement: Expression<R>): Promise<R> {
  const [result] = await client.queryAll<[R]>(compile(statement));
  return result;
}

/** Runs a compiled batch and returns every statement's typed result. */
export async function runBatch<R extends readonly unknown[]>(client: RpcClient, compiled: CompiledBatch<R>): Promise<R> {
  return (await client.queryAll(compiled)) as unknown as R;
}
