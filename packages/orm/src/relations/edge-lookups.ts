/**
 * @module Lookups that start with a relation instead of a field: through an edge
 * (`knows__out__name: 'Bob'` on Person: people with a knows edge to someone named Bob;
 * `knows__since__gte: 2020` on the edge's own fields), through a relation declared with `via()`
 * (`employees__age__gte: 18` on Company, `followers__name` through an edge to the far record). Each is `id INSIDE (SELECT VALUE <near end> FROM
 * <table> WHERE <the rest of the key, resolved on the edge or child model>)`, so the rest of the
 * key takes every lookup that model takes.
 */
import type { Expression } from '@sdb/functions';
import { field, inside, select } from '@sdb/ql';
import { QuerySetError } from '../errors.ts';
import { lookupCondition, type FieldsHolder } from '../query/lookups.ts';
import type { AnyModel } from '../schema/model.ts';
import { edgeEnds, findRelation } from './relation.ts';

const SEPARATOR = '__';

/** The condition of `key: value` when the key starts with a relation of `model`, else `undefined`. */
export function relationLookup(model: FieldsHolder, key: string, value: unknown): Expression<boolean> | undefined {
  const at = key.indexOf(SEPARATOR);
  const head = at < 0 ? key : key.slice(0, at);
  if (Object.hasOwn(model.fields, head) || head === 'id' || !('reverse' in model)) return undefined;
  const relation = findRelation(model as AnyModel, head);
  if (relation === undefined || relation.kind === 'link') return undefined;
  if (at < 0) throw new QuerySetError(`"${key}" is a relation of ${model.table}; name a field after it ("${key}__<field>")`);
  const rest = key.slice(at + SEPARATOR.length);
  if (relation.kind === 'reverse') {
    return inside(field('id'), select(relation.model.table).value(relation.field).where(lookupCondition(relation.model, rest, value)));
  }
  const { near, far } = edgeEnds(relation.direction);
  // The edge's own name reaches its fields (knows__since, knows__out__name); a relation declared
  // with via() (followers) reaches the far record's.
  const onEdge = head === relation.edge.table ? rest : `${far}${SEPARATOR}${rest}`;
  return inside(field('id'), select(relation.edge.table).value(near).where(lookupCondition(relation.edge, onEdge, value)));
}
