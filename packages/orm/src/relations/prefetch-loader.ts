/**
 * @module The loading half of `prefetchRelated` (./prefetch.ts resolves the names when the
 * queryset is built): after the instances are loaded, one query per relation, handed out to
 * them. Imported on first use, so a page that never prefetches never downloads it.
 */
import { and, inside, run, select } from '@sdb/ql';
import { RecordId } from '@sdb/protocol';
import type { OrmClient } from '../connection.ts';
import { hydrate } from '../query/hydrate.ts';
import { qCondition, type QNode } from '../query/q.ts';
import type { AnyModel } from '../schema/model.ts';
import type { PrefetchSpec } from './prefetch.ts';
import { edgeEnds, farModel } from './relation.ts';
import { setRelated } from './select-related.ts';

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
  const filter = qCondition(edge, throughField({ kind: 'and', children: spec.where }, far));
  const rows = await run(client, select<Record<string, unknown>>(edge.table).fields(near, far).where(and(inside(near, parents), filter)).fetch(far));
  const target = farModel(edge, direction);
  const groups = groupBy(rows, (row) => row[near]);
  for (const instance of instances) {
    // Parallel edges reach the same record more than once; each is listed once.
    const reached = new Map((groups.get(String(idOf(instance))) ?? []).map((row) => [String((row[far] as { id?: unknown } | undefined)?.id), row[far] as Record<string, unknown>]));
    setRelated(instance, model, name, hydrate(target, [...reached.values()].filter((record) => typeof record === 'object' && record !== null)));
  }
}
