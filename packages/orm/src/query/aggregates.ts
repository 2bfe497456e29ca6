/**
 * @module Aggregates for `aggregate()`: `Count()`, `Count('field')`, `Sum`, `Avg`, `Min`, `Max`,
 * each a frozen description that becomes a @sdb/ql expression under GROUP ALL (one row even
 * when nothing matches). An empty match gives Count 0, Sum 0, and `undefined` for Avg, Min and
 * Max (the engine answers NaN, NULL or ±Infinity there, none of them a value the user stored).
 */
import { fn, type Expression } from '@sdb/functions';
import { field, not, or } from '@sdb/ql';
import { QuerySetError } from '../errors.ts';

export type AggregateKind = 'count' | 'sum' | 'avg' | 'min' | 'max';

const AGGREGATE_BRAND = Symbol.for('sdb.orm.Aggregate');

/** An aggregate of kind `Kind` over the field `K` (`undefined`: over rows, for Count). */
export class Aggregate<Kind extends AggregateKind = AggregateKind, K extends string | undefined = string | undefined> {
  declare readonly _kind?: Kind;

  constructor(
    readonly kind: Kind,
    readonly field: K,
  ) {
    if (field !== undefined && (typeof field !== 'string' || field === '')) throw new QuerySetError(`An aggregate takes a field name, got ${String(field)}`);
    Object.freeze(this);
  }

  get [AGGREGATE_BRAND](): true {
    return true;
  }
}

export function isAggregate(value: unknown): value is Aggregate {
  return typeof value === 'object' && value !== null && (value as { [AGGREGATE_BRAND]?: unknown })[AGGREGATE_BRAND] === true;
}

/** How many records match; with a field, how many have it set (neither NONE nor NULL). */
export function Count(): Aggregate<'count', undefined>;
export function Count<const K extends string>(field: K): Aggregate<'count', K>;
export function Count(fieldName?: string): Aggregate<'count', string | undefined> {
  return new Aggregate('count', fieldName);
}

export const Sum = <const K extends string>(fieldName: K): Aggregate<'sum', K> => new Aggregate('sum', fieldName);
export const Avg = <const K extends string>(fieldName: K): Aggregate<'avg', K> => new Aggregate('avg', fieldName);
export const Min = <const K extends string>(fieldName: K): Aggregate<'min', K> => new Aggregate('min', fieldName);
export const Max = <const K extends string>(fieldName: K): Aggregate<'max', K> => new Aggregate('max', fieldName);

/** The SurrealQL expression of an aggregate. */
export function aggregateExpression(aggregate: Aggregate): Expression {
  const path = aggregate.field === undefined ? undefined : field(aggregate.field);
  switch (aggregate.kind) {
    case 'count':
      return path === undefined ? fn.count() : fn.count(not(or(fn.type.isNone(path), fn.type.isNull(path))));
    case 'sum':
      return fn.math.sum(path!);
    case 'avg':
      return fn.math.mean(path!);
    case 'min':
      return fn.math.min(path!);
    case 'max':
      return fn.math.max(path!);
  }
}

/** The alias of the row count `aggregate()` adds, to tell an empty match from real values. */
export const ROWS_ALIAS = '__sdb_rows';

/**
 * The engine's answer for an aggregate as the user gets it: over no rows, Avg, Min and Max are
 * `undefined` (the engine answers NaN, NULL or ±Infinity depending on the field's type), as is a
 * NULL or NaN over rows where the field is absent.
 */
export function aggregateValue(aggregate: Aggregate, value: unknown, rows: number): unknown {
  if (aggregate.kind === 'count' || aggregate.kind === 'sum') return value ?? 0;
  if (rows === 0 || value === null || (typeof value === 'number' && Number.isNaN(value))) return undefined;
  return value;
}

/** The result type of an aggregate over rows of type `Row`. */
export type AggregateResult<A, Row> =
  A extends Aggregate<'count' | 'sum', any> ? number
  : A extends Aggregate<'avg', any> ? number | undefined
  : A extends Aggregate<'min' | 'max', infer K> ? (K extends keyof Row ? Row[K] | undefined : never)
  : never;
