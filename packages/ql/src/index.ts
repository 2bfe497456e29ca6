/**
 * @module @sdb/ql: a SurrealQL builder for SurrealDB 3. Statements are frozen node trees that
 * compile to `{ query, bindings }` with every value bound and every identifier quoted; they mix
 * with @sdb/functions expressions and run on any `RpcClient`.
 */
export { durationLiteral, type AssignOp, type Output, type Target } from './clauses.ts';
export { batch, compile, run, runBatch, transaction, type CompiledBatch } from './compile.ts';
export { QueryCompiler } from './compiler.ts';
export {
  add,
  allInside,
  and,
  anyInside,
  binary,
  coalesce,
  contains,
  containsAll,
  containsAny,
  containsNone,
  containsNot,
  div,
  eq,
  exactEq,
  gt,
  gte,
  inside,
  intersects,
  knn,
  lt,
  lte,
  matches,
  mul,
  ne,
  noneInside,
  not,
  notInside,
  or,
  outside,
  sub,
  type Distance,
  type Operand,
  type Operator,
} from './conditions.ts';
export { field, traverse, Idiom, type Path } from './idiom.ts';
export { Statement } from './statement.ts';
export { forEach, ifThen, infoFor, kill, letParam, live, ret, throwError, IfStatement, InfoStatement, LiveQuery, type Body } from './statements/control.ts';
export {
  define,
  DefineAccess,
  DefineAnalyzer,
  DefineEvent,
  DefineField,
  DefineFunction,
  DefineIndex,
  DefineParam,
  DefineSequence,
  DefineStatement,
  DefineTable,
  DefineUser,
  type Permissions,
} from './statements/define.ts';
export { create, deleteFrom, insert, insertValues, relate, update, upsert, CreateQuery, DeleteQuery, InsertQuery, RelateQuery, UpdateQuery } from './statements/mutate.ts';
export { remove, RemoveStatement } from './statements/remove.ts';
export { select, SelectQuery } from './statements/select.ts';
export { closure, param, Expression, QueryBuildError, InvalidIdentifierError, type CompiledQuery } from '@sdb/functions/core';
export { fn } from '@sdb/functions';
