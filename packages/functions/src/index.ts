/**
 * @module @sdb/functions: typed builders for every SurrealDB 3 built-in function, the expression
 * nodes they make, and the printer that turns them into SurrealQL with bound parameters.
 */
export { catalogue, type FunctionName } from './catalogue.ts';
export { closure, param } from './closure.ts';
export { compile } from './compile.ts';
export { durationConstants, mathConstants, timeConstants } from './constants.ts';
export { ArityError, InvalidIdentifierError, QueryBuildError } from './errors.ts';
export { escapeIdent, escapeKeywordFree, escapeObjectKey, escapeParam, quoteString } from './escape.ts';
export {
  Expression,
  isExpression,
  toNode,
  type Arg,
  type CallNode,
  type ClosureNode,
  type ConstantNode,
  type OperationNode,
  type ParamNode,
  type RefNode,
  type ValueNode,
} from './expression.ts';
export { fn } from './namespaces.ts';
export { Printer, isPlainObject, literal, type CompiledQuery } from './printer.ts';
export type {
  ArgumentTypes,
  Arguments,
  Camel,
  ClosureValue,
  FunctionBuilder,
  FunctionNamespace,
  Functions,
  ResultTypes,
} from './signature.ts';

import { fn } from './namespaces.ts';

export const {
  api,
  array,
  bytes,
  count,
  crypto,
  duration,
  encoding,
  file,
  geo,
  http,
  math,
  meta,
  not,
  object,
  parse,
  rand,
  record,
  schema,
  search,
  sequence,
  session,
  set,
  sleep,
  string,
  time,
  type,
  value,
  vector,
} = fn;
