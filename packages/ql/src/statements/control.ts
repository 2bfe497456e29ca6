/**
 * @module LIVE SELECT, KILL, LET, IF/ELSE, FOR, RETURN, THROW and INFO.
 */
import { Expression, escapeParam, param, toNode, type OperationNode } from '@sdb/functions/core';
import { conflict, target, type Target } from '../clauses.ts';
import { conjoin } from '../conditions.ts';
import { field, type IdiomNode, type Path } from '../idiom.ts';
import { Statement } from '../statement.ts';

export interface LiveNode extends OperationNode {
  readonly kind: 'live';
  readonly diff: boolean;
  readonly fields: readonly IdiomNode[] | undefined;
  readonly from: OperationNode;
  readonly where: OperationNode | undefined;
  readonly fetch: readonly IdiomNode[];
}

/** `LIVE SELECT`: its result is the live query's id (a `Uuid`). */
export class LiveQuery extends Statement<unknown, LiveNode> {
  /** `LIVE SELECT DIFF`: notifications carry JSON Patch operations (so no field list). */
  diff(): this {
    if (this.node.fields) conflict('diff()', 'fields()');
    return this.next({ diff: true });
  }

  /** `LIVE SELECT a, b`; calls add up. */
  fields(...paths: Path[]): this {
    if (this.node.diff) conflict('fields()', 'diff()');
    return this.next({ fields: [...(this.node.fields ?? []), ...paths.map((p) => field(p).node)] });
  }

  /** Filters the notifications; a second `where` ANDs with the first. */
  where(condition: Expression<boolean> | undefined): this {
    return this.next({ where: conjoin(this.node.where, condition) });
  }

  fetch(...paths: Path[]): this {
    return this.next({ fetch: [...this.node.fetch, ...paths.map((p) => field(p).node)] });
  }
}

export function live(from: Target): LiveQuery {
  return new LiveQuery({ kind: 'live', diff: false, fields: undefined, from: target(from), where: undefined, fetch: [] });
}

export interface KillNode extends OperationNode {
  readonly kind: 'kill';
  readonly id: OperationNode;
}

/** `KILL $p0` with the live query's `Uuid`. */
export function kill(id: unknown): Statement<undefined, KillNode> {
  return new Statement({ kind: 'kill', id: toNode(id) });
}

export interface LetNode extends OperationNode {
  readonly kind: 'let';
  readonly name: string;
  readonly value: OperationNode;
}

/** `LET $name = value`; use `param(name)` to refer to it later in the batch. */
export function letParam(name: string, value: unknown): Statement<undefined, LetNode> {
  escapeParam(name);
  return new Statement({ kind: 'let', name, value: toNode(value) });
}

/** What a block holds: statements or expressions, printed `{ a; b }`. */
export type Body = Expression | readonly Expression[];

export interface BlockNode extends OperationNode {
  readonly kind: 'block';
  readonly items: readonly OperationNode[];
}

export function block(body: Body): BlockNode {
  const items = Array.isArray(body) ? body : [body as Expression];
  return { kind: 'block', items: items.map((item) => item.node) };
}

export interface IfNode extends OperationNode {
  readonly kind: 'if';
  readonly branches: readonly { readonly condition: OperationNode; readonly then: BlockNode }[];
  readonly otherwise: BlockNode | undefined;
}

export class IfStatement<R = unknown> extends Statement<R, IfNode> {
  elseIf(condition: Expression, then: Body): this {
    if (this.node.otherwise) conflict('elseIf()', 'a preceding else()');
    return this.next({ branches: [...this.node.branches, { condition: condition.node, then: block(then) }] });
  }

  else(otherwise: Body): this {
    if (this.node.otherwise) conflict('else()', 'another else()');
    return this.next({ otherwise: block(otherwise) });
  }
}

/** `IF condition { then } [ELSE IF ...] [ELSE { ... }]`. */
export function ifThen<R = unknown>(condition: Expression, then: Body): IfStatement<R> {
  return new IfStatement<R>({ kind: 'if', branches: [{ condition: condition.node, then: block(then) }], otherwise: undefined });
}

export interface ForNode extends OperationNode {
  readonly kind: 'for';
  readonly name: string;
  readonly iterable: OperationNode;
  readonly body: BlockNode;
}

/** `FOR $name IN iterable { body }`; `body` receives `$name` as an expression. */
export function forEach(name: string, iterable: unknown, body: (item: Expression) => Body): Statement<undefined, ForNode> {
  const item = param(name);
  return new Statement({ kind: 'for', name, iterable: toNode(iterable), body: block(body(item)) });
}

export interface ReturnNode extends OperationNode {
  readonly kind: 'return';
  readonly value: OperationNode;
}

/** `RETURN value`. */
export function ret<T>(value: T | Expression<T>): Statement<T, ReturnNode> {
  return new Statement({ kind: 'return', value: toNode(value) });
}

export interface ThrowNode extends OperationNode {
  readonly kind: 'throw';
  readonly value: OperationNode;
}

/** `THROW value`: the statement fails with a ThrownError carrying `value`. */
export function throwError(value: unknown): Statement<never, ThrowNode> {
  return new Statement({ kind: 'throw', value: toNode(value) });
}

export interface InfoNode extends OperationNode {
  readonly kind: 'info';
  readonly level: 'ROOT' | 'NS' | 'DB' | 'TABLE' | 'USER' | 'INDEX';
  readonly name: string | undefined;
  readonly on: string | undefined;
  readonly structure: boolean;
}

export class InfoStatement extends Statement<Record<string, unknown>, InfoNode> {
  /** `STRUCTURE`: objects instead of DEFINE strings. */
  structure(): this {
    return this.next({ structure: true });
  }
}

function info(level: InfoNode['level'], name?: string, on?: string): InfoStatement {
  return new InfoStatement({ kind: 'info', level, name, on, structure: false });
}

/** `INFO FOR ROOT | NS | DB | TABLE name | USER name [ON level] | INDEX name ON table`. */
export const infoFor = {
  root: () => info('ROOT'),
  namespace: () => info('NS'),
  database: () => info('DB'),
  table: (name: string) => info('TABLE', name),
  user: (name: string, on?: 'root' | 'namespace' | 'database') => info('USER', name, on?.toUpperCase()),
  index: (name: string, table: string) => info('INDEX', name, table),
};
