/**
 * @module @sdb/ql: a SurrealQL builder for SurrealDB 3. Statements are frozen node trees that
 * compile to `{ query, bindings }` with every value bound and every identifier quoted; they mix
 * with @sdb/functions expressions and run on any client of the `Queryable` contract.
 */
export { durationLiteral, type AssignOp, type Output, type Target } from './clauses.ts';
export { atomic, atomicQuery, batch, compile, run, runBatch, type CompiledBatch } from './compile.ts';
export { CoreCompiler, type ExpressionNode, type QlNode, type StatementNode } from './compiler.ts';
export { QueryCompiler } from './query-compiler.ts';
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
  type Condition,
  type Distance,
  type FieldUse,
  type FieldUseMode,
  type Fits,
  type Operand,
  type Operator,
  type PathValue,
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
  DefineTable,
  DefineUser,
  type Algorithm,
  type DefineAccessNode,
  type DefineAnalyzerNode,
  type DefineDatabaseNode,
  type DefineEventNode,
  type DefineFieldNode,
  type DefineFunctionNode,
  type DefineIndexNode,
  type DefineMode,
  type DefineNamespaceNode,
  type DefineNode,
  type DefineNodeKind,
  type DefineParamNode,
  type DefineSequenceNode,
  type DefineTableNode,
  type DefineUserNode,
  type Level,
  type OnDelete,
  type PermissionAction,
  type Role,
  type TableType,
  type Tokenizer,
  type TypeNode,
  type VectorType,
} from './statements/define.ts';
export { DefineStatement } from './statements/define-base.ts';
export {
  accessDurations,
  analyzerParts,
  changefeedNode,
  fulltextNode,
  hnswNode,
  permissionsNode,
  recordAccess,
  referenceNode,
  type AccessMethod,
  type AnalyzerFilter,
  type AnalyzerParts,
  type ChangefeedNode,
  type DurationsNode,
  type FulltextNode,
  type HnswNode,
  type JwtNode,
  type PermissionRule,
  type Permissions,
  type PermissionsNode,
  type ReferenceNode,
} from './statements/schema-clauses.ts';
export { parseType } from './statements/schema-type.ts';
export { create, deleteFrom, insert, insertValues, relate, update, upsert, CreateQuery, DeleteQuery, InsertQuery, RelateQuery, UpdateQuery } from './statements/mutate.ts';
export { rebuildIndex, RebuildIndexStatement, type RebuildIndexNode } from './statements/rebuild.ts';
export { remove, RemoveStatement, type RemoveNode, type RemoveTarget, type RemoveWhat } from './statements/remove.ts';
export { select, SelectQuery, type AllFields } from './statements/select.ts';
export { closure, param, Expression, QueryBuildError, InvalidIdentifierError, type CompiledQuery } from '@sdb/functions/core';
export { fn } from '@sdb/functions';
