/**
 * @module `prefetchRelated(...)` and `Prefetch(name, queryset)`: a relation of every record a
 * queryset found, loaded in ONE query per relation (never one per record), then handed out to
 * the instances. A reverse relation selects the children whose link is one of the parents; an
 * edge relation selects the edges leaving the parents with their far end fetched, and a
 * `Prefetch` queryset's filters apply to that far record (`out.age >= 18`), never to the edge
 * row itself; a link selects the linked records by id.
 */
import { and, inside, run, select } from '@sdb/ql';
import { RecordId } from '@sdb/protocol';
import type { OrmClient } from '../connection.ts';
import { QuerySetError } from '../errors.ts';
import { hydrate } from '../query/hydrate.ts';
import { qCondition, type QNode } from '../query/q.ts';
import { stateOf, type QuerySet } from '../query/queryset.ts';
import type { Field } from '../schema/fields.ts';
import type { FieldMap } from '../schema/infer.ts';
import type { AnyModel, InstanceMethods, InstanceOf } from '../schema/model.ts';
import { edgeEnds, farModel, relationNamed, type ResolvedRelation } from './relation.ts';
import { setRelated, type LinkKeys, type WithFields, type WithRelated } from './select-related.ts';

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
  return Object.freeze({ name, relation, queryset });
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

/** `node` with every lookup key prefixed: a filter on a record, applied through the edge field holding it. */
function throughField(node: QNode, prefix: string): QNode {
  switch (node.kind) {
    case 'lookups':
      return { kind: 'lookups', lookups: Object.fromEntries(Object.entries(node.lookups).map(([key, value]) => [`${prefix}__${key}`, value])) };
    case 'and':
    case 'or':
      return { kind: node.kind, children: node.children.map((child) => throughField(child, prefix)) };
    case 'not':
      return { kind: 'not', child: throughField(node.child, prefix) };
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => unknown): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = String(key(item));
    const group = groups.get(name);
    if (group === undefined) groups.set(name, [item]);
    else group.push(item);
  }
  return groups;
}

const idOf = (instance: object): unknown => (instance as { id?: unknown }).id;

/** Loads `spec`'s relation for every instance (one query) and sets it on each. */
export async function prefetchInto(model: AnyModel, instances: readonly object[], spec: PrefetchSpec, client: OrmClient): Promise<void> {
  if (instances.length === 0) return;
  const { relation, name } = spec;
  const queryset = spec.queryset.using(client);
  if (relation.kind === 'link') {
    const ids = [...new Map(instances.map((i) => (i as Record<string, unknown>)[relation.field]).filter((v): v is RecordId => v instanceof RecordId).map((id) => [String(id), id])).values()];
    if (ids.length === 0) return;
    const byId = new Map((await queryset.filter({ id__in: ids } as never).all()).map((found) => [String(idOf(found)), found]));
    for (const instance of instances) {
      const found = byId.get(String((instance as Record<string, unknown>)[relation.field]));
      if (found !== undefined) setRelated(instance, model, name, found);
    }
    return;
  }
  const parents = instances.map(idOf);
  if (relation.kind === 'reverse') {
    const children = await queryset.filter({ [`${relation.field}__in`]: parents } as never).all();
    const groups = groupBy(children, (child) => (child as Record<string, unknown>)[relation.field]);
    for (const instance of instances) setRelated(instance, model, name, groups.get(String(idOf(instance))) ?? []);
    return;
  }
  const { edge, direction } = relation;
  const { near, far } = edgeEnds(direction);
  const filter = qCondition(edge, throughField({ kind: 'and', children: stateOf(queryset).where }, far));
  const rows = await run(client, select<Record<string, unknown>>(edge.table).fields(near, far).where(and(inside(near, parents), filter)).fetch(far));
  const target = farModel(edge, direction);
  const groups = groupBy(rows, (row) => row[near]);
  for (const instance of instances) {
    // Parallel edges reach the same record more than once; each is listed once.
    const reached = new Map((groups.get(String(idOf(instance))) ?? []).map((row) => [String((row[far] as { id?: unknown } | undefined)?.id), row[far] as Record<string, unknown>]));
    setRelated(instance, model, name, hydrate(target, [...reached.values()].filter((record) => typeof record === 'object' && record !== null)));
  }
}
