/**
 * @module What every DEFINE node and builder shares: the OVERWRITE / IF NOT EXISTS mode, the
 * comment, and the builder base (the clause parts are made in ./schema-clauses.ts). Nodes are plain data: an absent clause is an absent property, a flag is `true` or absent, and
 * keywords are stored upper-case, so two nodes for the same definition compare equal.
 */
import type { OperationNode } from '@sdb/functions/core';
import { QueryCompiler } from '../query-compiler.ts';
import { Statement } from '../statement.ts';
import { text } from './schema-clauses.ts';

export type DefineMode = 'OVERWRITE' | 'IF NOT EXISTS';

/** The properties every DEFINE node has. */
export interface DefineCommon extends OperationNode {
  readonly mode?: DefineMode;
  readonly comment?: string;
}

/** A DEFINE node whose name is a plain identifier. */
export interface DefineBase extends DefineCommon {
  readonly name: string;
}

/** Drops `undefined` properties, so an unset clause is absent rather than present-but-undefined. */
function compact<T extends object>(node: T): T {
  return Object.fromEntries(Object.entries(node).filter(([, v]) => v !== undefined)) as T;
}

/** The builder base: each method returns a new builder over a copy of the node. */
export class DefineStatement<N extends DefineCommon = DefineBase> extends Statement<unknown, N> {
  /** `compile` prints this statement with `QueryCompiler`, the compiler that holds the schema printer. */
  get compiler(): typeof QueryCompiler {
    return QueryCompiler;
  }

  /** A copy with `patch` applied; a property set to `undefined` is removed. */
  protected with(patch: { readonly [K in keyof N]?: N[K] | undefined }): this {
    const Builder = this.constructor as new (node: N) => this;
    return new Builder(compact({ ...this.node, ...patch }) as N);
  }

  ifNotExists(): this {
    return this.with({ mode: 'IF NOT EXISTS' } as Partial<N>);
  }

  overwrite(): this {
    return this.with({ mode: 'OVERWRITE' } as Partial<N>);
  }

  comment(comment: string): this {
    return this.with({ comment: text(comment, 'COMMENT') } as Partial<N>);
  }
}
