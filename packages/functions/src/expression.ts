/**
 * @module Expressions: frozen operation-node trees with a phantom result type. Builders only
 * make nodes; a printer (./printer.ts, extended by @sdb/ql) turns them into SurrealQL text.
 */

/** Any node of the tree; `kind` tells the printer what it is. Higher packages add their own kinds. */
export interface OperationNode {
  readonly kind: string;
}

/** A JavaScript value that will travel as a bound parameter (or, if it holds expressions, as a literal of them). */
export interface ValueNode extends OperationNode {
  readonly kind: 'value';
  readonly value: unknown;
}

/** A built-in function call, e.g. `math::mean($p0)`. `name` comes from the catalogue, never from user input. */
export interface CallNode extends OperationNode {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly OperationNode[];
}

/** A `$name` parameter reference (closure parameters, LET variables, `$this`, `$parent`...). */
export interface ParamNode extends OperationNode {
  readonly kind: 'param';
  readonly name: string;
}

/** An anonymous function `|$a, $b| body`, passed to array::map, array::filter, array::fold... */
export interface ClosureNode extends OperationNode {
  readonly kind: 'closure';
  readonly params: readonly string[];
  readonly body: OperationNode;
}

/** A named engine constant such as `math::PI` or `time::EPOCH`; `name` comes from a fixed list. */
export interface ConstantNode extends OperationNode {
  readonly kind: 'constant';
  readonly name: string;
}

/** The number of a `@n@` match or `<|k|>` KNN operator, which the engine only accepts as a literal. */
export interface RefNode extends OperationNode {
  readonly kind: 'ref';
  readonly ref: number;
}

const BRAND = Symbol.for('sdb.Expression');

/**
 * An expression whose value has type `T` once evaluated by the database. `T` is phantom: it only
 * exists for TypeScript. Default `any` so an untyped expression fits any argument.
 */
export class Expression<T = any> {
  /** Phantom, never set at run time: required (not `?:`) so that a `T` including `undefined` survives inference. */
  declare readonly __result: T;
  readonly node: OperationNode;

  constructor(node: OperationNode) {
    this.node = deepFreeze(node);
    Object.freeze(this);
  }

  get [BRAND](): true {
    return true;
  }

  /** Recognises expressions made by another copy of this package too (brand, not prototype chain). */
  static [Symbol.hasInstance](value: unknown): boolean {
    return isExpression(value);
  }
}

/** True for any `Expression`, whichever copy of @sdb/functions made it. */
export function isExpression(value: unknown): value is Expression {
  return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
}

/** A function argument: the value itself (bound as a parameter) or an expression producing it. */
export type Arg<T> = T | Expression<T>;

/** The node an argument stands for: expressions keep their node, anything else becomes a bound value. */
export function toNode(value: unknown): OperationNode {
  if (isExpression(value)) return value.node;
  const node: ValueNode = { kind: 'value', value };
  return node;
}

/**
 * Freezes the node skeleton (nested nodes, arrays and plain objects) but never user values: a
 * `value` node's payload stays as the caller made it (a bound Date or RecordId is theirs).
 */
function deepFreeze<N extends OperationNode>(node: N): N {
  freeze(node);
  return node;
}

function freeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value) || isExpression(value)) return;
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return;
  Object.freeze(value);
  if ((value as OperationNode).kind === 'value') return;
  for (const child of Object.values(value)) freeze(child);
}
