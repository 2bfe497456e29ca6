/**
 * @module The base of every statement builder: an expression (so any statement nests as a
 * subquery) holding a frozen node; each builder method returns a new builder.
 */
import { Expression, type OperationNode } from '@sdb/functions/core';

/** A statement whose result, once run, has type `R`. */
export class Statement<R = unknown, N extends OperationNode = OperationNode> extends Expression<R> {
  declare readonly node: N;

  constructor(node: N) {
    super(node);
  }

  /** A copy with some node fields replaced; `S` lets a method change the result type. */
  protected next<S = this>(patch: Partial<N>): S {
    const Builder = this.constructor as new (node: N) => S;
    return new Builder({ ...this.node, ...patch });
  }
}
