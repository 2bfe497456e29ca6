/**
 * @module `call`: one built-in function by its SurrealQL name, typed from the catalogue's types
 * but with no catalogue row at run time. The namespaces (`fn.string.lowercase`) carry every row
 * of a namespace a bundle touches; a library that needs four of string's sixty functions calls
 * them by name instead, and ships none of the rest.
 */
import type { FunctionName } from './catalogue.ts';
import { QueryBuildError } from './errors.ts';
import { Expression, toNode, type CallNode, type OperationNode, type RefNode } from './expression.ts';
import type { FunctionBuilder } from './signature.ts';

/**
 * The argument that is a `@n@` match or KNN reference number, per function: the engine wants it
 * as a literal. The catalogue types it (`ref`); test/catalogue.test.ts checks the two agree.
 */
export const refArguments: Readonly<Record<string, number>> = {
  'search::highlight': 2,
  'search::offsets': 0,
  'search::score': 0,
  'vector::distance::knn': 0,
};

/** The node for argument `index` of function `name`: a reference number inline, anything else bound. */
export function argumentNode(name: string, index: number, arg: unknown): OperationNode {
  if (refArguments[name] !== index) return toNode(arg);
  if (typeof arg !== 'number' || !Number.isInteger(arg) || arg < 0 || arg > 255) {
    throw new QueryBuildError(`${name}() wants a match reference number (an integer 0..255), got ${String(arg)}`);
  }
  const node: RefNode = { kind: 'ref', ref: arg };
  return node;
}

/**
 * Calls the built-in function `name`, e.g. `call('string::lowercase', title)`. Its arguments and
 * result are typed as the namespace builder's are; their count is checked by those types only
 * (the namespaces check it at run time too, for untyped callers).
 */
export function call<N extends FunctionName>(name: N, ...args: Parameters<FunctionBuilder<N>>): ReturnType<FunctionBuilder<N>> {
  const node: CallNode = { kind: 'call', name, args: args.map((arg, i) => argumentNode(name, i, arg)) };
  return new Expression(node) as ReturnType<FunctionBuilder<N>>;
}
