/**
 * @module Pieces several statements share: targets (`FROM`/`INTO`/the record to change), data
 * clauses (CONTENT, MERGE, PATCH, REPLACE, SET, UNSET), RETURN output, timeouts and durations.
 */
import { Expression, QueryBuildError, isExpression, toNode, type OperationNode } from '@sdb/functions/core';
import { field, type IdiomNode, type Path } from './idiom.ts';

/** A table by name (quoted by the printer). */
export interface TableNameNode extends OperationNode {
  readonly kind: 'tableName';
  readonly name: string;
}

/**
 * What a statement works on: a table name (string), or a value bound as a parameter (a
 * `RecordId`, `Table`, `RecordIdRange`), or an expression (a subquery...), or an array of them.
 */
export type Target = string | Expression | object;

export function target(value: Target): OperationNode {
  if (typeof value === 'string') {
    const node: TableNameNode = { kind: 'tableName', name: value };
    return node;
  }
  return toNode(value);
}

/**
 * Targets of SELECT, CREATE, UPDATE, UPSERT and DELETE. An array gives one target per element
 * (`FROM $p0, $p1`): SurrealDB 3.0 reads a bound array as one value, so `SELECT name FROM $p0`
 * fails ("Specify a database to use") and ORDER BY is ignored. An empty array stays one bound
 * value, which selects and changes nothing.
 */
export function targets(values: readonly Target[]): OperationNode[] {
  return values.flatMap((value) => (Array.isArray(value) && value.length > 0 ? targets(value) : [target(value)]));
}

export type AssignOp = '=' | '+=' | '-=' | '+?=';

export interface Assignment {
  readonly field: IdiomNode;
  readonly op: AssignOp;
  readonly value: OperationNode;
}

export type DataNode =
  | { readonly kind: 'CONTENT' | 'MERGE' | 'PATCH' | 'REPLACE'; readonly value: OperationNode }
  | { readonly kind: 'SET'; readonly assignments: readonly Assignment[] }
  | { readonly kind: 'UNSET'; readonly fields: readonly IdiomNode[] };

/** `RETURN NONE | BEFORE | AFTER | DIFF | field, ...`. */
export type OutputNode = { readonly mode: 'NONE' | 'BEFORE' | 'AFTER' | 'DIFF' } | { readonly fields: readonly OperationNode[] };

export type Output = 'none' | 'before' | 'after' | 'diff' | readonly (Path | Expression)[];

export function output(value: Output): OutputNode {
  if (typeof value === 'string') {
    const mode = value.toUpperCase();
    if (mode !== 'NONE' && mode !== 'BEFORE' && mode !== 'AFTER' && mode !== 'DIFF') throw new QueryBuildError(`Unknown RETURN mode ${value}`);
    return { mode };
  }
  return { fields: value.map((f) => (isExpression(f) ? f.node : field(f as Path).node)) };
}

export function assignments(values: Record<string, unknown>, op: AssignOp = '='): Assignment[] {
  return Object.entries(values).map(([path, value]) => ({ field: field(path).node, op, value: toNode(value) }));
}

const DURATION = /^(\d+(ns|us|µs|ms|s|m|h|d|w|y))+$/;

/** A duration for TIMEOUT/CHANGEFEED/... which the grammar wants as a literal: checked, then printed as is. */
export function durationLiteral(value: string | { toString(): string }): string {
  const text = String(value);
  if (!DURATION.test(text)) throw new QueryBuildError(`Not a SurrealQL duration: ${JSON.stringify(text)}`);
  return text;
}

export function nonNegativeInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new QueryBuildError(`${name} must be a non-negative integer, got ${value}`);
  return value;
}

/** Two clauses of one statement that SurrealQL cannot have together: refused rather than one silently dropped. */
export function conflict(clause: string, other: string): never {
  throw new QueryBuildError(`${clause} cannot be combined with ${other}`);
}
