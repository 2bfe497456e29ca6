/**
 * @module Aggregates for `aggregate()`: `Count()`, `Count('field')`, `Sum`, `Avg`, `Min`, `Max`,
 * each a frozen description that becomes a @sdb/ql expression under GROUP ALL (one row even
 * when nothing matches). Over no records, or records without the field, Count and Sum are 0
 * and Avg, Min and Max `undefined` (see `aggregateRow`).
 */
// A namespace import: a bundle then keeps only the function namespaces used here, not the whole catalogue.
import { call, type Expression } from '@sdb/functions/core';
import { field, not, or } from '@sdb/ql';
import { QuerySetError } from '../errors.ts';
import type { FieldMap } from '../schema/infer.ts';

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

function isAggregate(value: unknown): value is Aggregate {
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
function aggregateExpression(aggregate: Aggregate): Expression {
  const path = aggregate.field === undefined ? undefined : field(aggregate.field);
  switch (aggregate.kind) {
    case 'count':
      return path === undefined ? call('count') : setCount(aggregate.field!);
    case 'sum':
      return call('math::sum', path!);
    case 'avg':
      return call('math::mean', path!);
    case 'min':
      return call('math::min', path!);
    case 'max':
      return call('math::max', path!);
  }
}

/**
 * Avg, Min and Max come with a hidden count of the records that have the field set, under this
 * prefix plus their alias: when it is 0 the engine answers NaN, NULL or ±Infinity (depending on
 * the field's type and on whether any record matched), none of them a value the user stored.
 */
const PRESENT = '__sdb_present_';

const setCount = (path: string): Expression<number> => call('count', not(or(call('type::is_none', field(path)), call('type::is_null', field(path)))));

/** The SurrealQL fields of an aggregate spec (`{ n: Count() }` is `count() AS n`), each checked against the model. */
export function aggregateFields(model: { readonly table: string; readonly fields: FieldMap }, spec: Readonly<Record<string, unknown>>): Record<string, Expression> {
  const entries = Object.entries(spec);
  if (entries.length === 0) throw new QuerySetError('aggregate() and annotate() need at least one aggregate');
  const fields: Record<string, Expression> = {};
  for (const [alias, aggregate] of entries) {
    if (alias.startsWith(PRESENT)) throw new QuerySetError(`Aliases starting with ${PRESENT} are reserved`);
    if (!isAggregate(aggregate)) throw new QuerySetError(`"${alias}" is not an aggregate (Count(), Sum('field')...)`);
    if (aggregate.field !== undefined && aggregate.field !== 'id' && !Object.hasOwn(model.fields, aggregate.field)) {
      throw new QuerySetError(`${model.table} has no field "${aggregate.field}" to aggregate`);
    }
    fields[alias] = aggregateExpression(aggregate);
    if (aggregate.kind === 'avg' || aggregate.kind === 'min' || aggregate.kind === 'max') fields[`${PRESENT}${alias}`] = setCount(aggregate.field!);
  }
  return fields;
}

/** The aggregates' values in a result row: Count and Sum 0 over nothing, Avg/Min/Max `undefined` when no record has the field. */
export function aggregateRow(spec: Readonly<Record<string, Aggregate>>, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const alias in spec) {
    const kind = spec[alias]!.kind;
    out[alias] = kind === 'count' || kind === 'sum' ? (row[alias] ?? 0) : Number(row[`${PRESENT}${alias}`] ?? 0) === 0 ? undefined : row[alias];
  }
  return out;
}

/** The result type of an aggregate over rows of type `Row`. */
export type AggregateResult<A, Row> =
  A extends Aggregate<'count' | 'sum', any> ? number
  : A extends Aggregate<'avg', any> ? number | undefined
  : A extends Aggregate<'min' | 'max', infer K> ? (K extends keyof Row ? Row[K] | undefined : never)
  : never;
