/**
 * @module Lazy, immutable querysets: each method returns a new queryset holding a frozen
 * description (filters as a Q tree, ordering, slicing, connection); nothing runs until `await`,
 * `all()`, iteration or a terminal method (`count`, `get`, `update`...). Each run builds a
 * @sdb/ql node tree, which ql's compiler prints with every value bound. Methods a page may never
 * call (writes, live queries, hybrid search, prefetch loading, upsert) `import()` their module on
 * the first call, so a bundler that splits code fetches it only then.
 */
// A namespace import: a bundle then keeps only the function namespaces used here, not the whole catalogue.
import { call, type Expression } from '@sdb/functions/core';
import { and, compile, type CompiledQuery, run, select, type SelectQuery, type Target } from '@sdb/ql';
import type { RecordId } from '@sdb/protocol';
import { resolveClient, type OrmClient, type Using } from '../connection.ts';
import { DoesNotExistError, MultipleObjectsReturnedError, QuerySetError } from '../errors.ts';
import type { InsertOf, ModelTypes, OrderKey, PatchOf, RecordOf } from '../schema/infer.ts';
import type { AnyModel, FieldsOf, InstanceOf, TableOf } from '../schema/model.ts';
import { aggregateFields, aggregateRow, type Aggregate, type AggregateKind, type AggregateResult } from './aggregates.ts';
import { hydrate } from './hydrate.ts';
import type { LiveModelEvent, LiveModelOptions, ModelChangeSet, ModelChangesOptions, WatchModelEvent } from './live.ts';
import { loadedOnFirstNext } from './deferred-iterator.ts';
import { qCondition, toQNode, type FilterParts, type QNode } from './q.ts';
import type { LiveStream } from '@sdb/stream';
import { traversal, type TraverseStep, type TraverseTarget } from '../relations/graph.ts';
import { prefetchSpec, type Prefetch, type PrefetchSpec, type WithPrefetched } from '../relations/prefetch.ts';
import { attachFetched, checkSelectRelated, type LinkKeys, type WithRelated } from '../relations/select-related.ts';
import { ValuesQuery, type ValuesSource } from './values.ts';
import { annotationFields, checkAlias, copyAnnotations, type Annotated, type Annotation, type AnnotationOrderKey, type AnnotationValues } from '../search/annotations.ts';
import { fulltextClause, nearestClause, type NearestOptions, type SearchClause } from '../search/clauses.ts';
import type { HybridOptions, HybridScores } from '../search/hybrid.ts';

interface Order {
  readonly path: string;
  readonly direction: 'asc' | 'desc';
}

/** A queryset's frozen description. */
export interface State {
  readonly where: readonly QNode[];
  readonly order: readonly Order[];
  readonly limit?: number;
  readonly offset?: number;
  readonly using?: Using;
  /** `nearest()` and `search()` conditions, ANDed with the lookups. */
  readonly clauses?: readonly SearchClause[];
  /** Computed fields selected next to `*`, by alias (`annotate()`, `nearest()`'s distance). */
  readonly annotations?: Readonly<Record<string, Expression>>;
  /** Relations (../relations): what to select from instead of the table, links to FETCH, relations to prefetch. */
  readonly source?: Target;
  readonly fetch?: readonly string[];
  readonly prefetch?: readonly PrefetchSpec[];
}

/** What a model's filters are checked against: its table and fields. */
export type FilterModel<M extends AnyModel> = ModelTypes<TableOf<M>, FieldsOf<M>>;

type Row<M extends AnyModel> = RecordOf<TableOf<M>, FieldsOf<M>>;

/** The values of `keys` in `row`, as a tuple. */
type Pluck<R, K extends readonly (keyof R)[]> = { -readonly [I in keyof K]: R[K[I]] };

function count(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new QuerySetError(`${name}() takes a non-negative integer, got ${value}`);
  return value;
}

/** For ../relations only (not exported by the package): a queryset's state, and one made from a state. */
export let stateOf: <M extends AnyModel>(queryset: QuerySet<M>) => State;
export let withState: <M extends AnyModel>(queryset: QuerySet<any>, model: M, patch: Partial<State>) => QuerySet<M>;

export class QuerySet<M extends AnyModel> implements PromiseLike<InstanceOf<M>[]>, AsyncIterable<InstanceOf<M>> {
  readonly model: M;
  readonly #state: State;

  static {
    stateOf = (queryset) => queryset.#state;
    withState = (queryset, model, patch) => new QuerySet(model, { ...queryset.#state, ...patch });
  }

  constructor(model: M, state: State = { where: [], order: [] }) {
    this.model = model;
    this.#state = Object.freeze(state);
    Object.freeze(this);
  }

  #next(patch: Partial<State>): QuerySet<M> {
    return new QuerySet(this.model, { ...this.#state, ...patch });
  }

  // ----- refining (each returns a new queryset) -----

  /** Records matching every lookup (`{ age__gte: 18 }`) and every `Q` given. */
  filter<const P extends readonly unknown[]>(...parts: FilterParts<FilterModel<M>, P>): QuerySet<M> {
    return this.#filtered(parts);
  }

  #filtered(parts: readonly unknown[]): QuerySet<M> {
    return this.#next({ where: [...this.#state.where, ...parts.map(toQNode)] });
  }

  /** Records not matching the lookups (all of them together). */
  exclude<const P extends readonly unknown[]>(...parts: FilterParts<FilterModel<M>, P>): QuerySet<M> {
    return this.#next({ where: [...this.#state.where, { kind: 'not', child: { kind: 'and', children: parts.map(toQNode) } }] });
  }

  /** Replaces the ordering: `orderBy('-age', 'name')` is `ORDER BY age DESC, name ASC` (annotations too: `orderBy('-score')`). */
  orderBy(...keys: (OrderKey<FieldsOf<M>> | AnnotationOrderKey<M>)[]): QuerySet<M> {
    const annotations = this.#state.annotations ?? {};
    const order = keys.map((key): Order => {
      const descending = key.startsWith('-');
      const path = descending ? key.slice(1) : key;
      if (path !== 'id' && !Object.hasOwn(this.model.fields, path) && !Object.hasOwn(annotations, path)) throw new QuerySetError(`${this.model.table} has no field "${path}" to order by`);
      return { path, direction: descending ? 'desc' : 'asc' };
    });
    return this.#next({ order });
  }

  limit(n: number): QuerySet<M> {
    return this.#next({ limit: count('limit', n) });
  }

  offset(n: number): QuerySet<M> {
    return this.#next({ offset: count('offset', n) });
  }

  // ----- search (../search/) -----

  /**
   * The `k` records whose `field` (an `f.vector(n)`) is nearest to `vector`, ordered by distance
   * and annotated with it (`distance`, or the name in `as`): through the field's HNSW index
   * (`<|k,ef|>`), or an exact scan with `{ distance: 'cosine' }`. Other filters apply first.
   */
  nearest<const As extends string = 'distance'>(fieldName: keyof FieldsOf<M> & string, vector: readonly number[], k: number, options: NearestOptions & { as?: As } = {}): QuerySet<Annotated<M, { [K in As]: number }>> {
    const clauses = this.#state.clauses ?? [];
    const clause = nearestClause(this.model, clauses, fieldName, vector, k, options);
    const alias = options.as ?? 'distance';
    checkAlias(this.model, alias, this.#state.annotations ?? {});
    const annotations = { ...this.#state.annotations, [alias]: call('vector::distance::knn') };
    return new QuerySet(this.model, { ...this.#state, clauses: [...clauses, clause], annotations, order: [{ path: alias, direction: 'asc' }] }) as never;
  }

  /**
   * Records whose `field` (a string with a FULLTEXT index) matches `query`: every term (terms are
   * ANDed). Read the score and highlights with `annotate({ score: SearchScore() })`.
   */
  search(fieldName: keyof FieldsOf<M> & string, query: string): QuerySet<M> {
    const clauses = this.#state.clauses ?? [];
    return this.#next({ clauses: [...clauses, fulltextClause(this.model, clauses, fieldName, query)] });
  }

  /** Adds per-record values computed by the server (`SearchScore()`, `SearchHighlight()`, `GeoDistance()`) as properties of the instances. */
  annotate<A extends Record<string, Annotation>>(spec: A): QuerySet<Annotated<M, AnnotationValues<A>>> {
    const added = annotationFields(this.model, this.#state.clauses ?? [], spec, this.#state.annotations ?? {});
    return new QuerySet(this.model, { ...this.#state, annotations: { ...this.#state.annotations, ...added } }) as never;
  }

  /**
   * Hybrid search: the records nearest to a vector and those matching a text, fused by
   * reciprocal rank (SurrealDB's `search::rrf`, one query); `limit()` caps the result (default 10).
   */
  async hybrid(options: HybridOptions<keyof FieldsOf<M> & string>): Promise<(InstanceOf<M> & HybridScores)[]> {
    if (this.#state.clauses?.length || this.#state.annotations || this.#state.offset !== undefined) throw new QuerySetError('hybrid() runs its own nearest() and search(); call it on a filtered queryset without them, annotations or offset()');
    const base = new QuerySet(this.model, { ...this.#state, order: [], limit: undefined });
    const { hybridSearch } = await import('../search/hybrid.ts');
    return hybridSearch(base, options, { limit: this.#state.limit ?? 10, client: this.#client, rows: (queryset) => queryset.#rows() });
  }

  /** Runs on a named connection (see `configure`) or on the client given (a transaction too). */
  using(using: Using): QuerySet<M> {
    return this.#next({ using });
  }

  /** Loads these links in the same query (FETCH): `p.company` is then a Company instance. */
  selectRelated<const K extends LinkKeys<M>>(...links: K[]): QuerySet<WithRelated<M, K>> {
    return this.#next({ fetch: [...(this.#state.fetch ?? []), ...checkSelectRelated(this.model, links)] }) as never;
  }

  /** Loads relations (by name, or `Prefetch(name, queryset)`), ONE query per relation, onto each instance found. */
  prefetchRelated<const P extends readonly (string | Prefetch<string, AnyModel>)[]>(...relations: P): QuerySet<WithPrefetched<M, P>> {
    return this.#next({ prefetch: [...(this.#state.prefetch ?? []), ...relations.map((r) => prefetchSpec(this.model, r))] }) as never;
  }

  /** The records these reach through the edges, each once: `traverse(Knows, Knows)` (friends of friends), `{ edge, direction, depth }` steps. */
  traverse<const S extends readonly [TraverseStep, ...TraverseStep[]]>(...steps: S): QuerySet<TraverseTarget<S>> {
    const { target, source } = traversal(this.model, steps, this.#select(select(this.#from), []));
    return new QuerySet(target, { where: [], order: [], source, ...(this.#state.using !== undefined ? { using: this.#state.using } : {}) }) as never;
  }

  // ----- building -----

  get #client(): OrmClient {
    return resolveClient(this.#state.using);
  }

  get #from(): Target {
    return this.#state.source ?? this.model.table;
  }

  #where() {
    return and(qCondition(this.model, { kind: 'and', children: this.#state.where }), ...(this.#state.clauses ?? []).map((clause) => clause.condition));
  }

  /** The SELECT of whole records: `*` plus the annotations, filtered, ordered and sliced. */
  #rows(): SelectQuery<Record<string, unknown>> {
    const annotations = this.#state.annotations;
    const all = select<Record<string, unknown>>(this.#from);
    return this.#select(annotations === undefined ? all : (all.fields('*' as never).fields(annotations) as never));
  }

  #select<T, Out>(query: SelectQuery<T, false, Out>, order: readonly Order[] = this.#state.order, sliced = true): SelectQuery<T, false, Out> {
    const where = this.#where();
    let q = where === undefined ? query : query.where(where);
    for (const item of order) q = q.orderBy(item.path, item.direction);
    if (sliced && this.#state.limit !== undefined) q = q.limit(this.#state.limit);
    if (sliced && this.#state.offset !== undefined) q = q.start(this.#state.offset);
    return q;
  }

  #sliced(): boolean {
    return this.#state.limit !== undefined || this.#state.offset !== undefined;
  }

  /** The SELECT `all()` runs, compiled: `{ query, bindings }` (for logging, or a look at the SurrealQL). */
  toQuery(): CompiledQuery {
    return compile(this.#rows());
  }


  // ----- reading -----

  /** Every matching record, as model instances. */
  async all(): Promise<InstanceOf<M>[]> {
    const { fetch = [], prefetch = [] } = this.#state;
    const client = this.#client;
    const rows = await run(client, this.#rows().fetch(...fetch));
    const instances = hydrate<InstanceOf<M>>(this.model, rows);
    copyAnnotations(instances, rows, Object.keys(this.#state.annotations ?? {}));
    attachFetched(this.model, instances, fetch);
    if (prefetch.length === 0) return instances;
    const { prefetchInto } = await import('../relations/prefetch-loader.ts');
    for (const spec of prefetch) await prefetchInto(this.model, instances, spec, client);
    return instances;
  }

  then<A = InstanceOf<M>[], B = never>(onFulfilled?: ((value: InstanceOf<M>[]) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    return this.all().then(onFulfilled, onRejected);
  }

  /** `for await (const p of queryset)`: every matching record, loaded in one query (see `iterate()` for pages). */
  async *[Symbol.asyncIterator](): AsyncIterator<InstanceOf<M>> {
    yield* await this.all();
  }

  /**
   * Every matching record, loaded `pageSize` (default 500) at a time. Without an ordering, pages
   * follow the record id (`id > last`), so concurrent inserts and deletes neither repeat nor skip
   * records; with one, pages are LIMIT/START slices of that ordering.
   */
  async *iterate(options: { pageSize?: number } = {}): AsyncGenerator<InstanceOf<M>, void, undefined> {
    const pageSize = options.pageSize ?? 500;
    if (!Number.isInteger(pageSize) || pageSize <= 0) throw new QuerySetError(`iterate() pageSize is a positive integer, got ${pageSize}`);
    if (this.#sliced()) throw new QuerySetError('iterate() pages the whole queryset; it cannot be sliced first');
    const byId = this.#state.order.length === 0;
    let last: unknown;
    for (let page = 0; ; page++) {
      const next = byId
        ? new QuerySet(this.model, { ...this.#state, where: last === undefined ? this.#state.where : [...this.#state.where, toQNode({ id__gt: last })], order: [{ path: 'id', direction: 'asc' }], limit: pageSize })
        : new QuerySet(this.model, { ...this.#state, limit: pageSize, offset: page * pageSize });
      const instances = await next.all();
      yield* instances;
      if (instances.length < pageSize) return;
      last = (instances[instances.length - 1] as { id?: unknown }).id;
    }
  }

  /** How many records match (`count()` with GROUP ALL, so 0 when none do); a sliced queryset counts its slice. */
  async count(): Promise<number> {
    const counting = { n: call('count') };
    const query = this.#sliced()
      ? select(this.#select(select(this.#from).fields('id'), [])).fields(counting).groupAll()
      : this.#select(select(this.#from).fields(counting), [], false).groupAll();
    const [row] = await run(this.#client, query);
    return row?.n ?? 0;
  }

  /** Whether any record matches (reads at most one id). */
  async exists(): Promise<boolean> {
    const rows = await run(this.#client, this.#select(select(this.#from).fields('id'), []).limit(1));
    return rows.length > 0;
  }

  /** The first record in the queryset's order (by id when it has none), or `undefined`. */
  async first(): Promise<InstanceOf<M> | undefined> {
    const order = this.#state.order.length > 0 ? this.#state.order : [{ path: 'id', direction: 'asc' as const }];
    const [instance] = await new QuerySet(this.model, { ...this.#state, order, limit: 1 }).all();
    return instance;
  }

  /** The last record in the queryset's order (by id when it has none), or `undefined`. */
  async last(): Promise<InstanceOf<M> | undefined> {
    if (this.#sliced()) throw new QuerySetError('last() on a sliced queryset is ambiguous; order it the other way and use first()');
    const order = this.#state.order.length > 0 ? this.#state.order : [{ path: 'id', direction: 'asc' as const }];
    const reversed = order.map((o): Order => ({ path: o.path, direction: o.direction === 'asc' ? 'desc' : 'asc' }));
    const [instance] = await new QuerySet(this.model, { ...this.#state, order: reversed, limit: 1 }).all();
    return instance;
  }

  /** The one record matching; `DoesNotExistError` when none does, `MultipleObjectsReturnedError` when several do. */
  async get<const P extends readonly unknown[]>(...parts: FilterParts<FilterModel<M>, P>): Promise<InstanceOf<M>> {
    const found = await new QuerySet(this.model, { ...this.#filtered(parts).#state, limit: 2 }).all();
    if (found.length === 0) throw new DoesNotExistError(this.model.table, 'get() matched no record');
    if (found.length > 1) throw new MultipleObjectsReturnedError(this.model.table);
    return found[0]!;
  }

  /** Plain rows of the named fields (all declared fields and `id` when none are named); lazy, with `distinct()` and `annotate()`. */
  values<K extends keyof Row<M> & string>(...keys: K[]): ValuesQuery<Pick<Row<M>, K>, Row<M>> {
    if (this.#state.annotations !== undefined) throw new QuerySetError('values() does not carry annotations (nearest() distances, scores...); read them from all()');
    const source: ValuesSource = { model: this.model, from: this.#from, client: () => this.#client, refine: (query) => this.#select(query), orderedBy: this.#state.order.map((o) => o.path) };
    return new ValuesQuery(source, keys.length > 0 ? keys : ['id', ...this.model.fieldNames]);
  }

  /** Rows as arrays of the named fields' values; `{ flat: true }` with one field gives the values themselves. */
  valuesList<K extends keyof Row<M> & string>(key: K, options: { flat: true }): Promise<Row<M>[K][]>;
  valuesList<const K extends readonly (keyof Row<M> & string)[]>(...keys: K): Promise<Pluck<Row<M>, K>[]>;
  async valuesList(...args: unknown[]): Promise<unknown[]> {
    const last = args[args.length - 1];
    const flat = typeof last === 'object' && last !== null && (last as { flat?: unknown }).flat === true;
    const keys = (flat ? args.slice(0, -1) : args) as string[];
    if (keys.length === 0) throw new QuerySetError('valuesList() needs at least one field');
    if (flat && keys.length !== 1) throw new QuerySetError('valuesList(..., { flat: true }) takes exactly one field');
    const rows = (await this.values(...(keys as never[]))) as Record<string, unknown>[];
    return flat ? rows.map((row) => row[keys[0]!]) : rows.map((row) => keys.map((key) => row[key]));
  }

  /**
   * Aggregates over the matching records, in one row (GROUP ALL): `aggregate({ n: Count(), mean:
   * Avg('age') })` is `{ n: number, mean: number | undefined }`.
   */
  async aggregate<A extends Record<string, Aggregate<AggregateKind, (keyof Row<M> & string) | undefined>>>(spec: A): Promise<{ [K in keyof A]: AggregateResult<A[K], Row<M>> }> {
    const fields = aggregateFields(this.model, spec);
    const query = this.#sliced()
      ? select(this.#select(select(this.#from), [])).fields(fields).groupAll()
      : this.#select(select(this.#from).fields(fields), [], false).groupAll();
    const [row = {}] = (await run(this.#client, query)) as Record<string, unknown>[];
    return aggregateRow(spec, row) as { [K in keyof A]: AggregateResult<A[K], Row<M>> };
  }

  // ----- live (./live.ts, with @sdb/stream: loaded on the first call, so a page that never goes live never downloads them) -----

  #liveCondition(method: string) {
    if (this.#sliced() || this.#state.order.length > 0) throw new QuerySetError(`${method}() follows every matching record: it cannot be ordered or sliced`);
    return this.#where();
  }

  /** A live query on the matching records (ws or embedded clients): CREATE / UPDATE / DELETE events with instances, RESYNC after a reconnect. */
  async live(options?: LiveModelOptions): Promise<LiveStream<LiveModelEvent<InstanceOf<M>, keyof FieldsOf<M> & string>>> {
    const client = this.#client;
    const condition = this.#liveCondition('live');
    const { liveInstances } = await import('./live.ts');
    return liveInstances(this.model, client, condition, options);
  }

  /** The matching records (a SNAPSHOT event each), READY, then every change, as instances. */
  async watch(): Promise<LiveStream<WatchModelEvent<InstanceOf<M>, keyof FieldsOf<M> & string>>> {
    const client = this.#client;
    const condition = this.#liveCondition('watch');
    const { watchInstances } = await import('./live.ts');
    return watchInstances(this.model, client, condition);
  }

  /**
   * The table's change feed (a model declared with `changefeed`), one change set per transaction,
   * over any client. A filtered queryset or an unknown connection is refused now; the feed's
   * options (@sdb/stream's checks) on the first `next()`, which loads the feed's code.
   */
  changes(options?: ModelChangesOptions): AsyncIterableIterator<ModelChangeSet<InstanceOf<M>>, undefined> {
    if (this.#where() !== undefined || this.#sliced() || this.#state.order.length > 0) throw new QuerySetError('changes() reads the whole table\'s feed: a change feed cannot be filtered, ordered or sliced');
    const client = this.#client;
    return loadedOnFirstNext(async () => (await import('./live.ts')).changeInstances<InstanceOf<M>>(this.model, client, options));
  }

  // ----- writing -----

  /**
   * Creates one record from `data` (checked first; defaults filled in) and answers its instance:
   * a new instance saved, so the model's `preSave`/`postSave` hooks run.
   */
  async create(data: InsertOf<TableOf<M>, FieldsOf<M>>): Promise<InstanceOf<M>> {
    // Checked before the instance is made, which keeps only declared fields (an unknown one is an error here).
    (await import('../schema/validate.ts')).recordToCreate(this.model, data as Record<string, unknown>);
    const instance = new this.model(data) as InstanceOf<M>;
    await instance.save({ using: this.#client });
    return instance;
  }

  /**
   * Creates many records, one INSERT per batch of `batchSize` (default 1000), every row checked
   * before the first batch is sent; answers the instances in the order given.
   */
  async bulkCreate(rows: readonly InsertOf<TableOf<M>, FieldsOf<M>>[], options: { batchSize?: number } = {}): Promise<InstanceOf<M>[]> {
    const batchSize = options.batchSize ?? 1000;
    if (!Number.isInteger(batchSize) || batchSize <= 0) throw new QuerySetError(`bulkCreate() batchSize is a positive integer, got ${batchSize}`);
    const { insertRecords } = await import('./write.ts');
    return hydrate<InstanceOf<M>>(this.model, await insertRecords(() => this.#client, this.model, rows as readonly Record<string, unknown>[], batchSize));
  }

  /**
   * Updates the record whose unique fields (or id) match `lookup` with `values`, or creates it
   * from both, in one atomic UPSERT; answers its instance.
   */
  async upsert(lookup: Partial<InsertOf<TableOf<M>, FieldsOf<M>>>, values: PatchOf<FieldsOf<M>> = {}): Promise<InstanceOf<M>> {
    const { upsertRow } = await import('./upsert.ts');
    const row = await upsertRow(this.model, () => this.#client, lookup as Record<string, unknown>, values as Record<string, unknown>);
    return hydrate<InstanceOf<M>>(this.model, [row])[0]!;
  }

  /**
   * Upserts many records by their `key` (unique fields or `id`): each row updates the record
   * whose key fields match or creates it. One UPSERT per row, `batchSize` (default 1000) rows
   * per atomic query, so a row the server refuses leaves its whole batch unwritten (earlier
   * batches stay written); answers the instances in the order given.
   */
  async bulkUpsert(rows: readonly InsertOf<TableOf<M>, FieldsOf<M>>[], options: { key: (keyof InsertOf<TableOf<M>, FieldsOf<M>> & string) | readonly (keyof InsertOf<TableOf<M>, FieldsOf<M>> & string)[]; batchSize?: number }): Promise<InstanceOf<M>[]> {
    const key = typeof options?.key === 'string' ? [options.key] : [...(options?.key ?? [])];
    const { upsertRows } = await import('./upsert.ts');
    const stored = await upsertRows(this.model, () => this.#client, rows as readonly Record<string, unknown>[], key, options?.batchSize ?? 1000);
    return hydrate<InstanceOf<M>>(this.model, stored);
  }

  /** Merges `patch` into every matching record; answers how many were changed. */
  async update(patch: PatchOf<FieldsOf<M>>): Promise<number> {
    if (this.#sliced()) throw new QuerySetError('update() of a sliced queryset is not supported; filter by id instead');
    const where = this.#where();
    const { updateWhere } = await import('./write.ts');
    return updateWhere(() => this.#client, this.model, this.#from, where, patch as Record<string, unknown>);
  }

  /** Deletes every matching record; answers how many were deleted. */
  async delete(): Promise<number> {
    if (this.#sliced()) throw new QuerySetError('delete() of a sliced queryset is not supported; filter by id instead');
    const where = this.#where();
    const { deleteWhere } = await import('./write.ts');
    return deleteWhere(() => this.#client, this.#from, where);
  }
}
