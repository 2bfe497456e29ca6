/**
 * @module Compiling a lone expression into a query: `RETURN <expression>`, ready for `query`.
 */
import { Printer, type CompiledQuery } from './printer.ts';
import type { Expression } from './expression.ts';

/** `compile(fn.math.mean([1, 2]))` -> `{ query: 'RETURN math::mean($p0)', bindings: { p0: [1, 2] } }`. */
export function compile(expression: Expression): CompiledQuery {
  const printer = new Printer();
  const text = printer.print(expression.node);
  return { query: `RETURN ${text}`, bindings: printer.bindings };
}
