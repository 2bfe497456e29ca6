/**
 * @module @sdb/functions/core: the expression AST without the function catalogue: expression
 * nodes, parameters and closures, the printer and `compile`, and the errors a builder throws.
 * `call` reaches any function by name, typed, without its catalogue row. @sdb/ql builds on this
 * entry; it carries no function builder, so importing it builds nothing.
 */
export { call } from './call.ts';
export { closure, param } from './closure.ts';
export { compile } from './compile.ts';
export { ArityError, InvalidIdentifierError, QueryBuildError } from './errors.ts';
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
export { Printer, escapeParam, isPlainObject, type CompiledQuery } from './printer.ts';
export type { ClosureValue } from './signature.ts';
export { escapeIdent, escapeKeywordFree, escapeObjectKey, quoteString } from '@sdb/protocol';
