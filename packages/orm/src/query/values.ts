/**
 * @module `values(...)` querysets: plain rows of some fields instead of instances, lazily, with
 * `distinct()` (unique rows: GROUP BY the fields, SurrealDB having no SELECT DISTINCT) and
 * `annotate({ n: Count() })` (one row per distinct value of the fields, with aggregates).
 */
import { run, select, type SelectQuery, type Target } from '@sdb/ql';
import type { OrmClient } from '../connection.ts';
import { QuerySetError } from '../errors.ts';
import type { FieldMap } from '../schema/infer.ts';
import { aggregateFields, aggregateRow, type Aggregate, type AggregateKind, type AggregateResult } from './aggregates.ts';

/** What a values query needs from the queryset it came from. */
export interface ValuesSource {
  readonly model: { readonly table: string; readonly fields: FieldMap };
  /** What to select from: the table, or the records a relation reaches. */
  readonly from: Target;
  client(): OrmClient;
  /** The queryset's WHERE, ORDER BY, LIMIT and START applied to `query`. */
  refine<T, Out>(query: SelectQuery<T, false, Out>): SelectQuery<T, false, Out>;
  /** The fields the queryset orders by. */
  readonly orderedBy: readonly string[];
}

/** Rows of type `Row` (the named fields), from records of type `Full`. */
export class ValuesQuery<Row, Full = Row> implements PromiseLike<Row[]> {
  readonly #source: ValuesSource;
  readonly #keys: readonly string[];
  /** Present when grouped: the aggregates computed per group (none for `distinct()`). */
  readonly #groups: Readonly<Record<string, Aggregate>> | undefined;

  constructor(source: ValuesSource, keys: readonly string[], groups?: Readonly<Record<string, Aggregate>>) {
    for (const key of keys) {
      if (key !== 'id' && !Object.hasOwn(source.model.fields, key)) throw new QuerySetError(`${source.model.table} has no field "${key}"`);
    }
    this.#source = source;
    this.#keys = keys;
    this.#groups = groups;
    Object.freeze(this);
  }

  /** Unique rows only. */
  distinct(): ValuesQuery<Row, Full> {
    return new ValuesQuery(this.#source, this.#keys, this.#groups ?? {});
  }

  /** One row per distinct value of the fields, with the aggregates over its records. */
  annotate<A extends Record<string, Aggregate<AggregateKind, (keyof Full & string) | undefined>>>(spec: A): ValuesQuery<Row & { [K in keyof A]: AggregateResult<A[K], Full> }, Full> {
    aggregateFields(this.#source.model, spec);
    return new ValuesQuery(this.#source, this.#keys, { ...this.#groups, ...spec }) as never;
  }

  async all(): Promise<Row[]> {
    const { model } = this.#source;
    if (this.#groups === undefined) {
      // SurrealDB refuses ORDER BY a field the projection lacks: select it too, then drop it.
      const extra = this.#source.orderedBy.filter((path) => !this.#keys.includes(path));
      const query = select<Record<string, unknown>>(this.#source.from).fields(...this.#keys, ...extra);
      const rows = await run(this.#source.client(), this.#source.refine(query));
      if (extra.length > 0) for (const row of rows) for (const path of extra) delete row[path];
      return rows as Row[];
    }
    let query = select<Record<string, unknown>>(this.#source.from).fields(...this.#keys);
    if (this.#keys.length === 0) throw new QuerySetError('distinct() and annotate() group by the fields named in values(...)');
    const aggregates = Object.keys(this.#groups).length > 0 ? aggregateFields(model, this.#groups) : {};
    query = query.fields(aggregates).groupBy(...this.#keys);
    const rows = await run(this.#source.client(), this.#source.refine(query));
    return rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (const key of this.#keys) out[key] = row[key];
      return { ...out, ...aggregateRow(this.#groups!, row) };
    }) as Row[];
  }

  then<A = Row[], B = never>(onFulfilled?: ((value: Row[]) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    return this.all().then(onFulfilled, onRejected);
  }
}
