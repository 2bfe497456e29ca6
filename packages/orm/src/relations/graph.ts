/**
 * @module The records a graph walk reaches, as a SELECT source: `array::distinct(array::flatten(
 * (SELECT VALUE ->knows->person FROM <start>)))`. A queryset over such a source filters, orders,
 * counts and slices the reached records like a table; the walk itself follows the engine's graph
 * pointers from the start records (no scan of the edge table). Used by the relation manager
 * (`ann.related(Knows).all()`) and by `traverse(Knows, Knows)`.
 */
// A namespace import: a bundle then keeps only the function namespaces used here, not the whole catalogue.
import { call, type Expression } from '@sdb/functions/core';
import { select, traverse, type Idiom, type SelectQuery, type Target } from '@sdb/ql';
import { QuerySetError } from '../errors.ts';
import type { AnyEdge, EndOf } from '../schema/edge.ts';
import type { AnyModel } from '../schema/model.ts';
import { farModel, nearModel, type Direction } from './relation.ts';

/**
 * One step of `traverse()`: an edge walked `out` (the default); `{ edge, direction: 'in' }` walks
 * it back; `{ edge, depth }` walks it repeatedly (`depth: 3` is 1 to 3 hops, `{ min, max }`),
 * every record reached on the way counted once (SurrealDB 3's `@.{1..3+collect}(->knows->person)`).
 */
export type TraverseStep = AnyEdge | { readonly edge: AnyEdge; readonly direction?: Direction; readonly depth?: number | { readonly min?: number; readonly max: number } };

type StepTarget<S> = S extends { readonly edge: infer E extends AnyEdge; readonly direction: 'in' } ? EndOf<E, 'in'> : S extends { readonly edge: infer E extends AnyEdge } ? EndOf<E, 'out'> : S extends AnyEdge ? EndOf<S, 'out'> : never;

/** The model the last step of a walk reaches. */
export type TraverseTarget<S extends readonly unknown[]> = S extends readonly [...unknown[], infer Last] ? StepTarget<Last> : never;

/** One step on from `path`: `->edge->far` (or `<-edge<-far`), repeated `depth` times when given. */
export function hop(path: Idiom | undefined, edge: AnyEdge, direction: Direction, depth?: { min?: number; max: number }): Idiom {
  const far = farModel(edge, direction).table;
  const step = direction === 'out' ? traverse.out(edge.table).out(far) : traverse.in(edge.table).in(far);
  if (depth !== undefined) return path === undefined ? traverse.recurse(step, depth) : path.recurse(step, depth);
  if (path === undefined) return step;
  return direction === 'out' ? path.out(edge.table).out(far) : path.in(edge.table).in(far);
}

/**
 * The distinct records `path` reaches from the records `start` selects. Loaded by a subquery
 * (`SELECT * FROM array::distinct(…)`): SurrealDB 3.0 ignores ORDER BY on a bare array source.
 */
export function reached(start: SelectQuery<any, false, any>, path: Idiom, nesting = 1): Target {
  let records: Expression<unknown[]> = call('array::flatten', start.value(path));
  for (let i = 1; i < nesting; i++) records = call('array::flatten', records);
  return select(call('array::distinct', records));
}

/** The records reached from `start`'s record (a record id) along one edge. */
export function reachedFrom(start: unknown, edge: AnyEdge, direction: Direction): Target {
  return reached(select(start as Target), hop(undefined, edge, direction));
}

function stepOf(step: TraverseStep): { edge: AnyEdge; direction: Direction; depth?: { min?: number; max: number } } {
  const edge = (step as { edge?: unknown }).edge;
  if (typeof step === 'function') return { edge: step, direction: 'out' }; // an edge model (its ends are checked by the caller)
  if (typeof step === 'object' && step !== null && typeof edge === 'function') {
    const { direction = 'out', depth } = step as { direction?: Direction; depth?: unknown };
    if (direction !== 'out' && direction !== 'in') throw new QuerySetError(`traverse() direction is 'out' or 'in', got ${String(direction)}`);
    if (depth === undefined) return { edge: edge as AnyEdge, direction };
    if (typeof depth !== 'number' && (typeof depth !== 'object' || depth === null)) throw new QuerySetError('traverse() depth is a number of hops or { min, max }');
    return { edge: edge as AnyEdge, direction, depth: typeof depth === 'number' ? { max: depth } : (depth as { min?: number; max: number }) };
  }
  throw new QuerySetError('traverse() takes edge models (from edge()) or { edge, direction }');
}

/**
 * The walk `steps` from the records of `model` that `start` selects (a queryset's SELECT, with
 * its WHERE and slice): the model reached and the source selecting what it reaches. Each step
 * must start where the previous one ended.
 */
export function traversal(model: AnyModel, steps: readonly TraverseStep[], start: SelectQuery<any, false, any>): { target: AnyModel; source: Target } {
  if (steps.length === 0) throw new QuerySetError('traverse() needs at least one edge');
  let at = model;
  let path: Idiom | undefined;
  let nesting = 1; // each repeated step nests the records the next steps reach one array deeper
  for (const [i, step] of steps.entries()) {
    const { edge, direction, depth } = stepOf(step);
    const near = nearModel(edge, direction);
    if (near.table !== at.table) throw new QuerySetError(`traverse(): ${edge.table} ${direction === 'out' ? 'goes from' : 'goes to'} ${near.table}, not ${at.table}${direction === 'out' ? " (walk it back with { edge, direction: 'in' })" : ''}`);
    path = hop(path, edge, direction, depth);
    at = farModel(edge, direction);
    if (depth !== undefined && i < steps.length - 1) nesting++;
  }
  return { target: at, source: reached(start, path!, nesting) };
}
