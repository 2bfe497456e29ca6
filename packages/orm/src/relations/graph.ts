/**
 * @module The records a graph walk reaches, as a SELECT source: `array::distinct(array::flatten(
 * (SELECT VALUE ->knows->person FROM <start>)))`. A queryset over such a source filters, orders,
 * counts and slices the reached records like a table; the walk itself follows the engine's graph
 * pointers from the start records (no scan of the edge table). Used by the relation manager
 * (`ann.related(Knows).all()`) and by `traverse(Knows, Knows)`.
 */
import { fn } from '@sdb/functions';
import { select, traverse, type Idiom, type SelectQuery, type Target } from '@sdb/ql';
import { QuerySetError } from '../errors.ts';
import type { AnyEdge, EndOf } from '../schema/edge.ts';
import type { AnyModel } from '../schema/model.ts';
import { farModel, nearModel, type Direction } from './relation.ts';

/** One hop of `traverse()`: an edge walked `out` (the default), or `{ edge, direction: 'in' }` to walk it back. */
export type TraverseStep = AnyEdge | { readonly edge: AnyEdge; readonly direction?: Direction };

type StepTarget<S> = S extends { readonly edge: infer E extends AnyEdge; readonly direction: 'in' } ? EndOf<E, 'in'> : S extends { readonly edge: infer E extends AnyEdge } ? EndOf<E, 'out'> : S extends AnyEdge ? EndOf<S, 'out'> : never;

/** The model the last step of a walk reaches. */
export type TraverseTarget<S extends readonly unknown[]> = S extends readonly [...unknown[], infer Last] ? StepTarget<Last> : never;

/** One step on from `path`: `->edge->far` (or `<-edge<-far`). */
export function hop(path: Idiom | undefined, edge: AnyEdge, direction: Direction): Idiom {
  const far = farModel(edge, direction).table;
  if (direction === 'out') return (path === undefined ? traverse.out(edge.table) : path.out(edge.table)).out(far);
  return (path === undefined ? traverse.in(edge.table) : path.in(edge.table)).in(far);
}

/**
 * The distinct records `path` reaches from the records `start` selects. Loaded by a subquery
 * (`SELECT * FROM array::distinct(…)`): SurrealDB 3.0 ignores ORDER BY on a bare array source.
 */
export function reached(start: SelectQuery<any, false, any>, path: Idiom): Target {
  return select(fn.array.distinct(fn.array.flatten(start.value(path))));
}

/** The records reached from `start`'s record (a record id) along one edge. */
export function reachedFrom(start: unknown, edge: AnyEdge, direction: Direction): Target {
  return reached(select(start as Target), hop(undefined, edge, direction));
}

function stepOf(step: TraverseStep): { edge: AnyEdge; direction: Direction } {
  const edge = (step as { edge?: unknown }).edge;
  if (typeof step === 'function') return { edge: step, direction: 'out' }; // an edge model (its ends are checked by the caller)
  if (typeof step === 'object' && step !== null && typeof edge === 'function') {
    const direction = (step as { direction?: Direction }).direction ?? 'out';
    if (direction !== 'out' && direction !== 'in') throw new QuerySetError(`traverse() direction is 'out' or 'in', got ${String(direction)}`);
    return { edge: edge as AnyEdge, direction };
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
  for (const step of steps) {
    const { edge, direction } = stepOf(step);
    const near = nearModel(edge, direction);
    if (near.table !== at.table) throw new QuerySetError(`traverse(): ${edge.table} ${direction === 'out' ? 'goes from' : 'goes to'} ${near.table}, not ${at.table}${direction === 'out' ? " (walk it back with { edge, direction: 'in' })" : ''}`);
    path = hop(path, edge, direction);
    at = farModel(edge, direction);
  }
  return { target: at, source: reached(start, path!) };
}
