/**
 * @module `prefetchRelated(...)` and `Prefetch(name, queryset)`: a relation of every record a
 * queryset found, loaded in ONE query per relation (never one per record), then handed out to
 * the instances. A reverse relation selects the children whose link is one of the parents; an
 * edge relation selects the edges leaving the parents with their far end fetched, and a
 * `Prefetch` queryset's filters apply to that far record (`out.age >= 18`), never to the edge
 * row itself; a link selects the linked records by id. The loading (./prefetch-loader.ts) is
 * imported when a queryset with prefetches first runs.
 */
import type { RecordId } from '@sdb/protocol';
import { QuerySetError } from '../errors.ts';
import type { QNode } from '../query/q.ts';
import { stateOf, type QuerySet } from '../query/queryset.ts';
import type { Field } from '../schema/fields.ts';
import type { FieldMap } from '../schema/infer.ts';
import type { AnyModel, InstanceMethods, InstanceOf } from '../schema/model.ts';
import { farModel, relationNamed, type ResolvedRelation } from './relation.ts';
import type { LinkKeys, WithFields, WithRelated } from './select-related.ts';

const PREFETCH_BRAND = Symbol.for('sdb.orm.Prefetch');

/** A relation to prefetch, with the queryset its records come from. */
export interface Prefetch<K extends string, T extends AnyModel> {
  readonly name: K;
  readonly queryset: QuerySet<T> | undefined;
  readonly [PREFETCH_BRAND]: true;
}

/** `Prefetch('employees', Person.objects.filter({ age__gte: 18 }))`: prefetch a relation through a queryset of its records. */
export function Prefetch<const K extends string, T extends AnyModel = AnyModel>(name: K, queryset?: QuerySet<T>): Prefetch<K, T> {
  if (typeof name !== 'string') throw new QuerySetError('Prefetch() takes the relation name first');
  return Object.freeze({ name, queryset, [PREFETCH_BRAND]: true as const });
}

function isPrefetch(value: unknown): value is Prefetch<string, AnyModel> {
  return typeof value === 'object' && value !== null && (value as { [PREFETCH_BRAND]?: unknown })[PREFETCH_BRAND] === true;
}

/** One prefetch, resolved when the queryset is built. */
export interface PrefetchSpec {
  readonly name: string;
  readonly relation: ResolvedRelation;
  readonly queryset: QuerySet<AnyModel>;
  /** The queryset's filters, which an edge relation applies to the far record through the edge. */
  readonly where: readonly QNode[];
}

function relatedModel(relation: ResolvedRelation): AnyModel {
  if (relation.kind === 'link') return relation.target;
  return relation.kind === 'reverse' ? relation.model : farModel(relation.edge, relation.direction);
}

/** Resolves a `prefetchRelated` argument on `model`; the queryset must be of the related model and unsliced. */
export function prefetchSpec(model: AnyModel, item: string | Prefetch<string, AnyModel>): PrefetchSpec {
  const name = isPrefetch(item) ? item.name : item;
  const relation = relationNamed(model, name, 'prefetchRelated()');
  const related = relatedModel(relation);
  const queryset = (isPrefetch(item) ? item.queryset : undefined) ?? related.objects;
  if (queryset.model.table !== related.table) throw new QuerySetError(`Prefetch('${name}'): the queryset is of ${queryset.model.table}, the relation holds ${related.table}`);
  const state = stateOf(queryset);
  if (state.limit !== undefined || state.offset !== undefined) throw new QuerySetError(`Prefetch('${name}'): a sliced queryset would slice all the parents' records together; filter it instead`);
  return Object.freeze({ name, relation, queryset, where: state.where });
}

/**
 * A record of a relation named by a string (a reverse relation or an edge): its model is only
 * known at run time, so its fields are `any`; `Prefetch(name, Model.objects)` types them.
 */
export type UntypedInstance = { id: RecordId; [field: string]: any } & InstanceMethods<string, FieldMap>;

type PrefetchedField<M extends AnyModel, P> = P extends Prefetch<infer K, infer T>
  ? K extends LinkKeys<M> ? WithRelated<M, K>['fields'][K] : Field<InstanceOf<T>[], false, true, never>
  : P extends LinkKeys<M> ? WithRelated<M, P>['fields'][P] : Field<UntypedInstance[], false, true, never>;

type NameOf<P> = P extends Prefetch<infer K, any> ? K : P & string;

/** `M` whose instances also hold the prefetched relations `P`. */
export type WithPrefetched<M extends AnyModel, P extends readonly unknown[]> = WithFields<M, { [I in keyof P & `${number}` as NameOf<P[I]>]: PrefetchedField<M, P[I]> }>;
