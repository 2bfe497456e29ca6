/**
 * @module What every DEFINE node and builder shares: the OVERWRITE / IF NOT EXISTS mode, the
 * comment, permissions, levels (ROOT/NAMESPACE/DATABASE), durations, and the builder base.
 * Nodes are plain data: an absent clause is an absent property, a flag is `true` or absent, and
 * keywords are stored upper-case, so two nodes for the same definition compare equal.
 */
import { Expression, QueryBuildError, toNode, type OperationNode } from '@sdb/functions/core';
import { durationLiteral } from '../clauses.ts';
import { QueryCompiler } from '../query-compiler.ts';
import { Statement } from '../statement.ts';
import { PERMISSION_ACTIONS, type PermissionAction } from './schema-keywords.ts';

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

/** One action's rule: everyone, no one, or those for whom the condition (an expression node) holds. */
export type PermissionRule = 'FULL' | 'NONE' | OperationNode;

/** `PERMISSIONS FULL | NONE`, or one rule per action (`FOR select WHERE ...`). */
export type PermissionsNode = 'FULL' | 'NONE' | { readonly [A in PermissionAction]?: PermissionRule };

/** The builders' form: `'full'`, `'none'`, or a rule per action. */
export type Permissions = 'full' | 'none' | Partial<Record<PermissionAction, 'full' | 'none' | Expression<boolean>>>;

export function permissionRule(rule: 'full' | 'none' | Expression<boolean>): PermissionRule {
  if (rule === 'full' || rule === 'none') return rule === 'full' ? 'FULL' : 'NONE';
  if (typeof rule === 'string') throw new QueryBuildError(`Unknown permission ${JSON.stringify(rule)}`);
  return toNode(rule);
}

export function permissionsNode(permissions: Permissions): PermissionsNode {
  if (typeof permissions === 'string') return permissionRule(permissions) as 'FULL' | 'NONE';
  const out: { [A in PermissionAction]?: PermissionRule } = {};
  for (const [action, rule] of Object.entries(permissions)) {
    if (!PERMISSION_ACTIONS.includes(action as PermissionAction)) throw new QueryBuildError(`Unknown permission action ${action}`);
    if (rule !== undefined) out[action as PermissionAction] = permissionRule(rule);
  }
  return out;
}

/** How long grants, tokens and sessions last (`DURATION FOR TOKEN 15m, ...`). */
export interface DurationsNode {
  readonly grant?: string;
  readonly token?: string;
  readonly session?: string;
}

export function durations(options: Partial<Record<keyof DurationsNode, string | { toString(): string }>>, allowed: readonly (keyof DurationsNode)[]): DurationsNode {
  const out: { -readonly [K in keyof DurationsNode]?: string } = {};
  for (const [key, value] of Object.entries(options)) {
    if (!allowed.includes(key as keyof DurationsNode)) throw new QueryBuildError(`Unknown duration ${key}`);
    if (value !== undefined) out[key as keyof DurationsNode] = durationLiteral(value);
  }
  return out;
}

/** A text value (comment, password, key), checked without echoing it: it may be a secret. */
export function text(value: string, what: string): string {
  if (typeof value !== 'string') throw new QueryBuildError(`${what} must be a string`);
  return value;
}

/** Drops `undefined` properties, so an unset clause is absent rather than present-but-undefined. */
export function compact<T extends object>(node: T): T {
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
