/**
 * @module Lookups that go through a relation instead of a field: through an edge
 * (`knows__out__name: 'Bob'` on Person: people with a knows edge to someone named Bob;
 * `knows__since__gte: 2020` on the edge's own fields), through a relation declared with `via()`
 * (`employees__age__gte: 18` on Company, `followers__name` through an edge to the far record).
 * Each is `<record> INSIDE (SELECT VALUE <near end> FROM <table> WHERE <the rest of the key,
 * resolved on the edge or child model>)`, so the rest of the key takes every lookup that model
 * takes. The record is the row's `id` when the key starts with the relation, or the link path
 * before it (`company__employees__name` on Person: `type::is_record(company) AND company INSIDE …`),
 * so a relation may follow link steps. The guard is needed: the subquery's values include NONE
 * when a matching child has no link, and an absent link is INSIDE that.
 */
import { call, type Expression } from '@sdb/functions/core';
import { and, field, inside, select, type Idiom, type SelectQuery } from '@sdb/ql';
import { QuerySetError } from '../errors.ts';
import { lookupCondition, type FieldsHolder } from '../query/lookups.ts';
import type { AnyModel } from '../schema/model.ts';
import { edgeEnds, findRelation, type ResolvedRelation } from './relation.ts';

const SEPARATOR = '__';

/** The relation (reverse or edge, not a link field) named `name` on `model`, if any. */
export function lookupRelation(model: FieldsHolder, name: string): Exclude<ResolvedRelation, { kind: 'link' }> | undefined {
  if (Object.hasOwn(model.fields, name) || name === 'id' || !('reverse' in model)) return undefined;
  const relation = findRelation(model as AnyModel, name);
  return relation === undefined || relation.kind === 'link' ? undefined : relation;
}

/**
 * The condition of `key: value` when the key starts with a relation of `model`, else `undefined`;
 * `link` is the path to the `model` record when the key reached it through link steps.
 */
export function relationLookup(model: FieldsHolder, key: string, value: unknown, link?: Idiom): Expression<boolean> | undefined {
  const records = relatedRecords(model, key, value);
  if (records === undefined) return undefined;
  return link === undefined ? inside(field('id'), records) : and(call('type::is_record', link), inside(link, records));
}

/** The ids of the `model` records that `key: value` holds for, as a subquery, when the key starts with a relation. */
function relatedRecords(model: FieldsHolder, key: string, value: unknown): SelectQuery<Record<string, unknown>, false, unknown> | undefined {
  const at = key.indexOf(SEPARATOR);
  const head = at < 0 ? key : key.slice(0, at);
  const relation = lookupRelation(model, head);
  if (relation === undefined) return undefined;
  if (at < 0) throw new QuerySetError(`"${key}" is a relation of ${model.table}; name a field after it ("${key}__<field>")`);
  const rest = key.slice(at + SEPARATOR.length);
  if (relation.kind === 'reverse') {
    return select(relation.model.table).value(relation.field).where(lookupCondition(relation.model, rest, value));
  }
  const { near, far } = edgeEnds(relation.direction);
  // The edge's own name reaches its fields (knows__since, knows__out__name); a relation declared
  // with via() (followers) reaches the far record's.
  const onEdge = head === relation.edge.table ? rest : `${far}${SEPARATOR}${rest}`;
  return select(relation.edge.table).value(near).where(lookupCondition(relation.edge, onEdge, value));
}
