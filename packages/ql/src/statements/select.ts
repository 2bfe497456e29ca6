/**
 * @module SELECT, in the clause order SurrealDB 3's parser requires: fields | VALUE, OMIT, FROM
 * [ONLY], WITH, WHERE, SPLIT, GROUP, ORDER, LIMIT, START, FETCH, VERSION, TIMEOUT, TEMPFILES,
 * EXPLAIN (`core/src/syn/parser/stmt/select.rs`, v3.0.2; 3.0 has no PARALLEL clause).
 */
import { Expression, isExpression, toNode, type OperationNode } from '@sdb/functions';
import { durationLiteral, nonNegativeInteger, target, type Target } from '../clauses.ts';
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

/** `T` is one row; `R` the statement's result (`T[]`, or `T | undefined` with ONLY). */
export class SelectQuery<T = Record<string, unknown>, R = T[]> extends Statement<R, SelectNode> {
  /** Named fields of `T`: the row type narrows to them. */
  fields<K extends keyof T & string>(...keys: K[]): SelectQuery<Pick<T, K>>;
  /** Computed fields: `{ total: fn.count(), city: field('address.city') }` is `count() AS total, address.city AS city`. */
  fields<A extends Record<string, Expression>>(aliases: A): SelectQuery<Aliased<A>>;
  fields(...items: (string | Record<string, Expression>)[]): SelectQuery<any> {
    const list: FieldItem[] = [];
    for (const item of items) {
      if (typeof item === 'string') list.push({ expr: field(item).node, alias: undefined });
      else for (const [alias, expr] of Object.entries(item)) list.push({ expr: toNode(expr), alias });
    }
    return this.next({ fields: [...(this.node.fields ?? []), ...list], value: undefined });
  }

  /** `SELECT VALUE path`: rows become bare values. */
  value<K extends keyof T & string>(path: K): SelectQuery<T[K]>;
  value<U>(expression: Expression<U>): SelectQuery<U>;
  value(path: string | Expression): SelectQuery<any> {
    return this.next({ value: isExpression(path) ? path.node : field(path).node, fields: undefined });
  }

  omit(...paths: Path[]): this {
    return this.next({ omit: [...this.node.omit, ...paths.map((p) => field(p).node)] });
  }

  /** `FROM ONLY`: one record (or NONE) instead of an array. */
  only(): SelectQuery<T, T | undefined> {
    return this.next({ only: true });
  }

  withIndex(...indexes: string[]): this {
    return this.next({ with: indexes });
  }

  noIndex(): this {
    return this.next({ with: 'NOINDEX' });
  }

  where(condition: Expression<boolean>): this {
    return this.next({ where: condition.node });
  }

  split(...paths: Path[]): this {
    return this.next({ split: [...this.node.split, ...paths.map((p) => field(p).node)] });
  }

  groupBy(...paths: Path[]): this {
    return this.next({ group: paths.map((p) => field(p).node) });
  }

  groupAll(): this {
    return this.next({ group: 'ALL' });
  }

  /** Adds an ORDER BY term; call again for more. */
  orderBy(path: Path, direction: 'asc' | 'desc' = 'asc', options: { collate?: boolean; numeric?: boolean } = {}): this {
    const item: OrderItem = {
      field: field(path).node,
      direction: direction === 'desc' ? 'DESC' : 'ASC',
      collate: options.collate === true,
      numeric: options.numeric === true,
    };
    return this.next({ order: [...(this.node.order === 'RAND' ? [] : this.node.order), item] });
  }

  orderRandom(): this {
    return this.next({ order: 'RAND' });
  }

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

  explain(full = false): SelectQuery<Record<string, unknown>> {
    return this.next({ explain: full ? 'EXPLAIN FULL' : 'EXPLAIN' });
  }
}

/** `SELECT * FROM <targets>`; refine with `.fields()`, `.where()`, `.orderBy()`... */
export function select<T = Record<string, unknown>>(...from: Target[]): SelectQuery<T> {
  return new SelectQuery<T>({
    kind: 'select',
    fields: undefined,
    value: undefined,
    omit: [],
    only: false,
    from: from.map(target),
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
