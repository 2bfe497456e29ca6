/**
 * @module Parameters and closures: `param('x')` is `$x`, and `closure(['item'], ($item) => ...)`
 * is `|$item| ...`, the anonymous functions array::map, array::filter, array::fold... take.
 */
import { Expression, toNode, type ClosureNode, type ParamNode } from './expression.ts';
import { escapeParam } from './printer.ts';
import type { ClosureValue } from './signature.ts';

/** A reference to the parameter `$name` (validated and quoted if needed). */
export function param<T = any>(name: string): Expression<T> {
  escapeParam(name);
  const node: ParamNode = { kind: 'param', name };
  return new Expression<T>(node);
}

/**
 * A closure. `body` receives one `$param` expression per name and returns the closure's result
 * (an expression, or a plain value that is bound).
 */
export function closure<const N extends readonly string[]>(
  params: N,
  body: (...args: { [K in keyof N]: Expression }) => unknown,
): Expression<ClosureValue> {
  const refs = params.map((name) => param(name)) as { [K in keyof N]: Expression };
  const node: ClosureNode = { kind: 'closure', params: [...params], body: toNode(body(...refs)) };
  return new Expression<ClosureValue>(node);
}
