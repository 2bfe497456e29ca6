/**
 * @module DEFINE NAMESPACE and DATABASE, and what lives in a database beside tables: PARAM,
 * FUNCTION and SEQUENCE.
 */
import { Expression, QueryBuildError, param, toNode, type OperationNode } from '@sdb/functions/core';
import { durationLiteral, nonNegativeInteger } from '../clauses.ts';
import { block, type BlockNode, type Body } from './control.ts';
import { DefineStatement, type DefineBase } from './define-base.ts';
import { permissionRule, type PermissionRule } from './schema-clauses.ts';
import { functionName, integer } from './schema-keywords.ts';
import { parseType, type TypeNode } from './schema-type.ts';

export interface DefineNamespaceNode extends DefineBase {
  readonly kind: 'defineNamespace';
}

export interface DefineDatabaseNode extends DefineBase {
  readonly kind: 'defineDatabase';
}

/** A global `$name` (the node's `name` is without the `$`). */
export interface DefineParamNode extends DefineBase {
  readonly kind: 'defineParam';
  readonly value?: OperationNode;
  readonly permissions?: PermissionRule;
}

export class DefineParam extends DefineStatement<DefineParamNode> {
  value(value: unknown): this {
    return this.with({ value: toNode(value) });
  }

  permissions(permissions: 'full' | 'none' | Expression<boolean>): this {
    return this.with({ permissions: permissionRule(permissions) });
  }
}

/** `fn::name($arg: type, ...) -> type { body }`; `name` is without `fn::` (`'users::greet'`). */
export interface DefineFunctionNode extends DefineBase {
  readonly kind: 'defineFunction';
  readonly args: readonly { readonly name: string; readonly type: TypeNode }[];
  readonly returns?: TypeNode;
  readonly body: BlockNode;
  readonly permissions?: PermissionRule;
}

export class DefineFunction extends DefineStatement<DefineFunctionNode> {
  permissions(permissions: 'full' | 'none' | Expression<boolean>): this {
    return this.with({ permissions: permissionRule(permissions) });
  }
}

/** SurrealDB 3.0 takes no COMMENT on a sequence. */
export interface DefineSequenceNode extends DefineBase {
  readonly kind: 'defineSequence';
  readonly batch?: number;
  readonly start?: number;
  readonly timeout?: string;
}

export class DefineSequence extends DefineStatement<DefineSequenceNode> {
  batch(size: number): this {
    return this.with({ batch: nonNegativeInteger('BATCH', size) });
  }

  start(at: number): this {
    return this.with({ start: integer('START', at) });
  }

  /** `TIMEOUT duration`: how long drawing a batch may wait for the lock. */
  timeout(duration: string | { toString(): string }): this {
    return this.with({ timeout: durationLiteral(duration) });
  }
}


export const databaseBuilders = {
  namespace: (name: string) => new DefineStatement<DefineNamespaceNode>({ kind: 'defineNamespace', name }),
  database: (name: string) => new DefineStatement<DefineDatabaseNode>({ kind: 'defineDatabase', name }),
  param: (name: string) => new DefineParam({ kind: 'defineParam', name }),
  sequence: (name: string) => new DefineSequence({ kind: 'defineSequence', name }),
  /**
   * `DEFINE FUNCTION fn::name($a: type, ...) [-> type] { body }`; `body` receives one `$param`
   * expression per argument.
   */
  function: (name: string, args: readonly (readonly [string, string])[], body: (...params: Expression[]) => Body, options: { returns?: string } = {}) =>
    new DefineFunction({
      kind: 'defineFunction',
      name: functionName(name),
      args: args.map(([argName, type]) => ({ name: argName, type: parseType(type) })),
      ...(options.returns !== undefined ? { returns: parseType(options.returns) } : {}),
      body: block(body(...args.map(([argName]) => param(argName)))),
    }),
};
