/**
 * @module Compiling statements into `{ query, bindings }`, alone, as a batch or as an atomic batch
 * (all or nothing), and running them on any client of the `Queryable` contract (a client, a
 * session or a transaction, over any transport) with typed results.
 */
import { StatementError, type CompiledQuery, type Queryable } from '@sdb/protocol';
import { QueryBuildError, isExpression, type Expression } from '@sdb/functions/core';
import { CoreCompiler } from './compiler.ts';

/** A compiled batch that remembers its statements' result types. */
export interface CompiledBatch<R extends readonly unknown[]> extends CompiledQuery {
  readonly __results?: R;
  /**
   * Set by `atomic`: the same statements without their `BEGIN; … COMMIT;`, which `runBatch` sends
   * on a transaction's client (atomic already; the server refuses a nested `BEGIN`).
   */
  readonly unwrapped?: CompiledQuery;
}

type ResultOf<E> = E extends Expression<infer R> ? R : unknown;
type Results<S extends readonly unknown[]> = { -readonly [K in keyof S]: ResultOf<S[K]> };

/** One statement (or a lone expression, as `RETURN ...`) into `{ query, bindings }`. */
export function compile<R>(statement: Expression<R>): CompiledBatch<[R]> {
  return batch(statement);
}

/** Several statements, `;`-separated, sharing one numbering of parameters; each runs on its own. */
export function batch<const S extends readonly Expression[]>(...statements: S): CompiledBatch<Results<S>> {
  const compiler = compilerFor(statements);
  const text = statements
    .map((s) => {
      if (!isExpression(s)) throw new QueryBuildError('batch(), atomic() and compile() take statements or expressions built by @sdb/ql or @sdb/functions');
      return `${compiler.statement(s.node)};`;
    })
    .join('\n');
  return { query: text, bindings: compiler.bindings };
}

/** A statement that needs more than the core compiler: DEFINE and REMOVE statements bring `QueryCompiler`. */
interface BringsCompiler {
  readonly compiler: new () => CoreCompiler;
}

/** The core compiler, or the one a statement of the batch brings (so the schema printer is bundled only with schema builders). */
function compilerFor(statements: readonly Expression[]): CoreCompiler {
  const Compiler = statements.find((s): s is Expression & BringsCompiler => 'compiler' in s)?.compiler ?? CoreCompiler;
  return new Compiler();
}

/**
 * Several statements applied all together or not at all, on every transport (one query:
 * `BEGIN; …; COMMIT;`). They are compiled together, so their parameters never collide. Run it
 * with `runBatch`: it answers the statements' results, or throws the failing statement's error.
 */
export function atomic<const S extends readonly Expression[]>(...statements: S): CompiledBatch<Results<S>> {
  return atomicQuery(batch(...statements));
}

/**
 * Statements compiled already (SurrealQL of your own among them, `;`-terminated) applied all
 * together or not at all, as `atomic` applies its own: run it with `runBatch`.
 */
export function atomicQuery<R extends readonly unknown[] = unknown[]>(unwrapped: CompiledQuery): CompiledBatch<R> {
  return { query: `BEGIN;\n${unwrapped.query}\nCOMMIT;`, bindings: unwrapped.bindings, unwrapped };
}

/** Runs one statement and returns its typed result; a failed statement throws its `StatementError`. */
export async function run<R>(client: Queryable, statement: Expression<R>): Promise<R> {
  const [result] = await client.queryAll<[R]>(compile(statement));
  return result;
}

/**
 * Runs a compiled batch and returns every statement's typed result; a failed statement throws
 * its `StatementError` (for an `atomic` batch, after the server rolled every statement back;
 * its `index` counts the batch's own statements).
 */
export async function runBatch<R extends readonly unknown[]>(client: Queryable, compiled: CompiledBatch<R>): Promise<R> {
  if (compiled.unwrapped === undefined) return (await client.queryAll(compiled)) as unknown as R;
  if (client.txn !== undefined) return (await client.queryAll(compiled.unwrapped)) as unknown as R;
  // The server answers BEGIN, each statement, then COMMIT; once one fails, the others answer NotExecuted or Cancelled.
  const answers = (await client.query(compiled)).slice(1);
  const failures = answers.flatMap((answer) => (answer.ok ? [] : [answer.error]));
  const failure = failures.find((error) => !isSkipped(error)) ?? failures[0];
  if (failure) throw new StatementError(failure.index - 1, { message: failure.message, kind: failure.kind, details: failure.details });
  return answers.slice(0, -1).map((answer) => (answer.ok ? answer.result : undefined)) as unknown as R;
}

/** Statements the server did not run because another statement of the transaction failed. */
function isSkipped(error: StatementError): boolean {
  const reason = (error.details as { kind?: unknown } | undefined)?.kind;
  return reason === 'NotExecuted' || reason === 'Cancelled';
}
