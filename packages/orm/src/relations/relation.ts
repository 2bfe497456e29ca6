/**
 * @module What a relation name on a model means: a forward record link (a field), the reverse of
 * another model's link (`Person.via('company')`, declared in the model's `reverse` option), or
 * the far end of an edge (`Knows.via('in')`, or the edge's own name). Lookups, `prefetchRelated`
 * and the relation manager all resolve names here.
 */
import { ModelDefinitionError, QuerySetError } from '../errors.ts';
import { isEdge } from '../schema/edge-definition.ts';
import { edgeNamed, endsOf, type AnyEdge } from '../schema/edge.ts';
import type { AnyModel } from '../schema/model.ts';

/** Which way an edge is walked: `out` from its `in` end to its `out` end (`->knows->`), `in` back (`<-knows<-`). */
export type Direction = 'out' | 'in';

/** A relation between records, as `via()` makes it. */
export type Relation =
  /** The records of `model` whose link `field` points at this record. */
  | { readonly kind: 'reverse'; readonly model: AnyModel; readonly field: string }
  /** The records at the far end of this record's `edge` edges, walked in `direction`. */
  | { readonly kind: 'edge'; readonly edge: AnyEdge; readonly direction: Direction };

/** A relation name resolved on a model: one of the `Relation`s, or a forward link field. */
export type ResolvedRelation = Relation | { readonly kind: 'link'; readonly field: string; readonly target: AnyModel };

/** The edge end a walk in `direction` starts from (`near`) and reaches (`far`). */
export function edgeEnds(direction: Direction): { near: 'in' | 'out'; far: 'in' | 'out' } {
  return direction === 'out' ? { near: 'in', far: 'out' } : { near: 'out', far: 'in' };
}

/** The model a walk of `edge` in `direction` reaches. */
export function farModel(edge: AnyEdge, direction: Direction): AnyModel {
  const ends = endsOf(edge, 'A relation');
  return (direction === 'out' ? ends.to() : ends.from()) as AnyModel;
}

/** The model a walk of `edge` in `direction` starts from. */
export function nearModel(edge: AnyEdge, direction: Direction): AnyModel {
  const ends = endsOf(edge, 'A relation');
  return (direction === 'out' ? ends.from() : ends.to()) as AnyModel;
}

/**
 * `Person.via('company')`: the people whose `company` is this record; `Knows.via('in')` on an
 * edge: the records at the `out` end of the edges whose `in` is this record (`via('out')` the
 * other way round).
 */
export function via(model: AnyModel, field: string): Relation {
  if (isEdge(model) && (field === 'in' || field === 'out')) return Object.freeze({ kind: 'edge', edge: model, direction: field === 'in' ? 'out' : 'in' });
  const config = Object.hasOwn(model.fields, field) ? model.fields[field]?.config : undefined;
  if (config?.kind !== 'link') throw new ModelDefinitionError(`${model.table}.via('${field}'): "${field}" is not a record link of ${model.table}${isEdge(model) ? " (on an edge: 'in' or 'out')" : ''}`);
  return Object.freeze({ kind: 'reverse', model, field });
}

/** The relation `name` means on `model`, or `undefined` when it names none. */
export function findRelation(model: AnyModel, name: string): ResolvedRelation | undefined {
  const reverse = (model.reverse as Readonly<Record<string, () => Relation>> | undefined)?.[name];
  if (reverse !== undefined && Object.hasOwn(model.reverse, name)) return reverse();
  const config = Object.hasOwn(model.fields, name) ? model.fields[name]!.config : undefined;
  if (config?.kind === 'link') return { kind: 'link', field: name, target: config.target!() as AnyModel };
  const edge = edgeNamed(name);
  if (edge === undefined || config !== undefined) return undefined;
  if (nearModel(edge, 'out').table === model.table) return { kind: 'edge', edge, direction: 'out' };
  if (nearModel(edge, 'in').table === model.table) return { kind: 'edge', edge, direction: 'in' };
  return undefined;
}

/** Like `findRelation`, but an unknown name is a `QuerySetError` naming what the model has. */
export function relationNamed(model: AnyModel, name: string, use: string): ResolvedRelation {
  const found = typeof name === 'string' ? findRelation(model, name) : undefined;
  if (found !== undefined) return found;
  const links = Object.keys(model.fields).filter((key) => model.fields[key]!.config.kind === 'link');
  const known = [...links, ...Object.keys(model.reverse ?? {})];
  throw new QuerySetError(`${use}: ${model.table} has no relation "${String(name)}" (record links, reverse relations and edges from or to it${known.length > 0 ? `; it has ${known.join(', ')}` : ''})`);
}
