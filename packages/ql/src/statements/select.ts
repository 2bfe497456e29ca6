/**
 * @module SELECT, in the clause order SurrealDB 3's parser requires: fields | VALUE, OMIT, FROM
 * [ONLY], WITH, WHERE, SPLIT, GROUP, ORDER, LIMIT, START, FETCH, VERSION, TIMEOUT, TEMPFILES,
 * EXPLAIN (`core/src/syn/parser/stmt/select.rs`, v3.0.2; 3.0 has no PARALLEL clause).
 */
import { Expression, isExpression, toNode, type OperationNode } from '@sdb/functions/core';
import { conflict, durationLiteral, nonNegativeInteger, targets, type Target } from '../clauses.ts';
import { conjoin, type Fits } from '../conditions.ts';
import { field, type IdiomNode, type Path } from '../idiom.ts';
import { Statement } from '../statement.ts';

export interface FieldItem {
  readonly expr: OperationNode;
  readonly alias: string | undefined;
}

export interface OrderItem {
  readonly field: IdiomNode;
  readonly direction: 'ASC' | 'DESC';
  readonly collate: boolean;
  readonly numeric: boolean;
}

export interface SelectNode extends OperationNode {
  readonly kind: 'select';
  /** `undefined` is `*`. */
  readonly fields: readonly FieldItem[] | undefined;
  readonly value: OperationNode | undefined;
  readonly omit: readonly IdiomNode[];
  readonly only: boolean;
  readonly from: readonly OperationNode[];
  readonly with: readonly string[] | 'NOINDEX' | undefined;
  readonly where: OperationNode | undefined;
  readonly split: readonly IdiomNode[];
  readonly group: readonly IdiomNode[] | 'ALL' | undefined;
  readonly order: readonly OrderItem[] | 'RAND';
  readonly limit: OperationNode | undefined;
  readonly start: OperationNode | undefined;
  readonly fetch: readonly IdiomNode[];
  readonly version: OperationNode | undefined;
  readonly timeout: string | undefined;
  readonly tempfiles: boolean;
  readonly explain: 'EXPLAIN' | 'EXPLAIN FULL' | undefined;
}

type ResultOf<E> = E extends Expression<infer U> ? U : unknown;
type Aliased<A> = { [K in keyof A]: ResultOf<A[K]> };
type Simplify<O> = { [K in keyof O]: O[K] } & {};

/** The row shape before any `fields()`/`value()`: every field of the table (`SELECT *`). */
export interface AllFields {
  readonly __allFields: true;
}

/** The shape after adding `Add` to the fields chosen so far. */
type WithFields<Out, Add> = Out extends AllFields ? Add : Simplify<Omit<Out, keyof Add> & Add>;
/** What the statement returns: rows, or with ONLY one row or `undefined` when there is none. */
type Rows<T, One extends boolean, Out> = One extends true ? (Out extends AllFields ? T : Out) | undefined : (Out extends AllFields ? T : Out)[];

/**
 * `T` is the table's row type (what conditions are checked against), `One` is set by `.only()`,
 * `Out` is what each row becomes after `.fields()` or `.value()`.
 */
export class SelectQuery<T = Record<string, unknown>, One extends boolean = false, Out = AllFields> extends Statement<Rows<T, One, Out>, SelectNode> {
  /** Named fields of `T`: the row type narrows to them. Calls add up: `.fields('a').fields('b')` is `SELECT a, b`. */
  fields<K extends keyof T & string>(...keys: K[]): SelectQuery<T, One, WithFields<Out, Pick<T, K>>>;
  /** Computed fields: `{ total: fn.count(), city: field('address.city') }` is `count() AS total, address.city AS city`. */
  fields<A extends Record<string, Expression>>(aliases: A): SelectQuery<T, One, WithFields<Out, Aliased<A>>>;
  fields(...items: (string | Record<string, Expression>)[]): SelectQuery<any, any, any> {
    if (this.node.value) conflict('fields()', 'value()');
    const list: FieldItem[] = [];
    for (const item of items) {
      if (typeof item === 'string') list.push({ expr: field(item).node, alias: undefined });
      else for (const [alias, expr] of Object.entries(item)) list.push({ expr: toNode(expr), alias });
    }
    return this.next({ fields: [...(this.node.fields ?? []), ...list] });
  }

  /** `SELECT VALUE path`: rows become bare values. One VALUE per statement: a second call replaces it. */
  value<K extends keyof T & string>(path: K): SelectQuery<T, One, T[K]>;
  value<U>(expression: Expression<U>): SelectQuery<T, One, U>;
  value(path: string | Expression): SelectQuery<any, any, any> {
    if (this.node.fields) conflict('value()', 'fields()');
    return this.next({ value: isExpression(path) ? path.node : field(path).node });
  }

  omit(...paths: Path[]): this {
    return this.next({ omit: [...this.node.omit, ...paths.map((p) => field(p).node)] });
  }

  /** `FROM ONLY`: one record (or `undefined` when there is none) instead of an array. */
  only(): SelectQuery<T, true, Out> {
    return this.next({ only: true });
  }

  /** `WITH INDEX a, b`; calls add up. */
  withIndex(...indexes: string[]): this {
    if (this.node.with === 'NOINDEX') conflict('withIndex()', 'noIndex()');
    return this.next({ with: [...(this.node.with ?? []), ...indexes] });
  }

  noIndex(): this {
    if (this.node.with !== undefined && this.node.with !== 'NOINDEX') conflict('noIndex()', 'withIndex()');
    return this.next({ with: 'NOINDEX' });
  }

  /**
   * Filters rows; a second `where` ANDs with the first. `undefined` (e.g. an `and()` of optional
   * filters that are all absent) adds nothing. With a row type `T`, the fields a condition names
   * must exist in `T` with the type of the value they are compared with.
   */
  where<C extends Expression<boolean> | undefined>(condition: C & Fits<T, C>): this {
    return this.next({ where: conjoin(this.node.where, condition) });
  }

  split(...paths: Path[]): this {
    return this.next({ split: [...this.node.split, ...paths.map((p) => field(p).node)] });
  }

  /** `GROUP BY a, b`; calls add up. */
  groupBy(...paths: Path[]): this {
    if (this.node.group === 'ALL') conflict('groupBy()', 'groupAll()');
    return this.next({ group: [...(this.node.group ?? []), ...paths.map((p) => field(p).node)] });
  }

  groupAll(): this {
    if (this.node.group !== undefined && this.node.group !== 'ALL') conflict('groupAll()', 'groupBy()');
    return this.next({ group: 'ALL' });
  }

  /** Adds an ORDER BY term; call again for more. */
  orderBy(path: Path, direction: 'asc' | 'desc' = 'asc', options: { collate?: boolean; numeric?: boolean } = {}): this {
    if (this.node.order === 'RAND') conflict('orderBy()', 'orderRandom()');
    const item: OrderItem = {
      field: field(path).node,
      direction: direction === 'desc' ? 'DESC' : 'ASC',
      collate: options.collate === true,
      numeric: options.numeric === true,
    };
    return this.next({ order: [...this.node.order, item] });
  }

  orderRandom(): this {
    if (this.node.order !== 'RAND' && this.node.order.length > 0) conflict('orderRandom()', 'orderBy()');
    return this.next({ order: 'RAND' });
  }

  /** `LIMIT n`; like `start`, `version` and `timeout`, a second call replaces the value. */
  limit(count: number): this {
    return this.next({ limit: toNode(nonNegativeInteger('LIMIT', count)) });
  }

  start(offset: number): this {
    return this.next({ start: toNode(nonNegativeInteger('START', offset)) });
  }

  fetch(...paths: Path[]): this {
    return this.next({ fetch: [...this.node.fetch, ...paths.map((p) => field(p).node)] });
  }

  /** `VERSION <datetime>`: read as of then (needs a versioned storage engine). */
  version(at: unknown): this {
    return this.next({ version: toNode(at) });
  }

  timeout(duration: string | { toString(): string }): this {
    return this.next({ timeout: durationLiteral(duration) });
  }

  tempfiles(): this {
    return this.next({ tempfiles: true });
  }

  /** `EXPLAIN [FULL]`: the result is the query plan, whatever the fields. */
  explain(full = false): SelectQuery<T, false, Record<string, unknown>> {
    return this.next({ explain: full ? 'EXPLAIN FULL' : 'EXPLAIN' });
  }
}

/** `SELECT * FROM <targets>` (an array of records gives one target each); refine with `.fields()`, `.where()`, `.orderBy()`... */
export function select<T = Record<string, unknown>>(...from: Target[]): SelectQuery<T> {
  return new SelectQuery<T>({
    kind: 'select',
    fields: undefined,
    value: undefined,
    omit: [],
    only: false,
    from: targets(from),
    with: undefined,
    where: undefined,
    split: [],
    group: undefined,
    order: [],
    limit: undefined,
    start: undefined,
    fetch: [],
    version: undefined,
    timeout: undefined,
    tempfiles: false,
    explain: undefined,
  });
}
