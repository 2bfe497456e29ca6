/**
 * @module The search conditions a queryset carries besides its lookups: `nearest()` (KNN on an
 * `f.vector(n)` field, `<|k,ef|>` through its HNSW index or `<|k,DISTANCE|>` as an exact scan) and
 * `search()` (full text, `field @ref@ query` on a field with a FULLTEXT index). Each is checked
 * against the model's declaration first, since SurrealDB answers a mistake here with silence:
 * `@@` on a field without a FULLTEXT index matches nothing, and `<|k|>` without `ef` or a
 * distance is an error only at run time.
 */
import type { Expression } from '@sdb/functions';
import { knn, matches, type Distance } from '@sdb/ql';
import { QuerySetError } from '../errors.ts';
import type { AnyField, FieldKind } from '../schema/fields.ts';
import type { FieldMap } from '../schema/infer.ts';

/** A full-text match (with the `@ref@` its score and highlights are read by) or a KNN condition. */
export type SearchClause =
  | { readonly kind: 'fulltext'; readonly field: string; readonly ref: number; readonly condition: Expression<boolean> }
  | { readonly kind: 'knn'; readonly field: string; readonly condition: Expression<boolean> };

/** What the clauses need of a model. */
export interface SearchModel {
  readonly table: string;
  readonly fields: FieldMap;
}

/** `ef` when the caller gives none: the candidate list HNSW keeps while searching, at least k. */
const DEFAULT_EF = 40;

/** The top-level field `name`, which must be of `kind`. */
export function searchField(model: SearchModel, name: string, kind: FieldKind, method: string): AnyField {
  const found = typeof name === 'string' && Object.hasOwn(model.fields, name) ? model.fields[name]! : undefined;
  if (found === undefined) throw new QuerySetError(`${method}: ${model.table} has no field "${String(name)}"`);
  if (found.config.kind !== kind) throw new QuerySetError(`${method}: ${model.table}.${name} is a ${found.config.kind} field, not ${kind === 'vector' ? 'f.vector(n)' : `f.${kind}()`}`);
  return found;
}

export interface NearestOptions {
  /** An exact scan with this distance (`<|k,COSINE|>`), needing no index; without it the field's HNSW index is used. */
  readonly distance?: Lowercase<Distance>;
  /** HNSW search breadth (`<|k,ef|>`); default max(k, 40). */
  readonly ef?: number;
}

/** The KNN clause of `nearest(field, vector, k)`. */
export function nearestClause(model: SearchModel, clauses: readonly SearchClause[], name: string, vector: readonly number[], k: number, options: NearestOptions): SearchClause {
  const declared = searchField(model, name, 'vector', 'nearest()');
  if (clauses.some((clause) => clause.kind === 'knn')) throw new QuerySetError('nearest() once per queryset: SurrealDB reads one KNN distance per query');
  const dimension = declared.config.dimension!;
  if (!Array.isArray(vector) || vector.length !== dimension || !vector.every(Number.isFinite)) {
    throw new QuerySetError(`nearest(): ${model.table}.${name} holds ${dimension} numbers; the vector given has ${Array.isArray(vector) ? vector.length : 'none'} (or a value that is not a finite number)`);
  }
  if (!Number.isInteger(k) || k <= 0) throw new QuerySetError(`nearest() takes a positive integer k, got ${k}`);
  if (options.distance === undefined && declared.config.hnsw === undefined) {
    throw new QuerySetError(`nearest(): ${model.table}.${name} has no HNSW index; declare f.vector(${dimension}).hnsw(...) or pass { distance } for an exact scan`);
  }
  const param = options.distance !== undefined ? { distance: options.distance.toUpperCase() as Distance } : { ef: options.ef ?? Math.max(k, DEFAULT_EF) };
  return { kind: 'knn', field: name, condition: knn(name, vector, k, param) };
}

/** The full-text clause of `search(field, query)`, numbered after the clauses already there. */
export function fulltextClause(model: SearchModel, clauses: readonly SearchClause[], name: string, query: string): SearchClause {
  const declared = searchField(model, name, 'string', 'search()');
  if (declared.config.fulltext === undefined) {
    throw new QuerySetError(`search(): ${model.table}.${name} has no FULLTEXT index (SurrealDB would match nothing); declare f.string().fulltext({ analyzer })`);
  }
  if (typeof query !== 'string' || query.trim() === '') throw new QuerySetError('search() takes a non-empty query string');
  const ref = clauses.filter((clause) => clause.kind === 'fulltext').length;
  return { kind: 'fulltext', field: name, ref, condition: matches(name, query, ref) };
}

/** The full-text clause an annotation reads: the one on `name`, or the only one. */
export function fulltextRef(clauses: readonly SearchClause[], name: string | undefined, annotation: string): number {
  const fulltext = clauses.filter((clause) => clause.kind === 'fulltext' && (name === undefined || clause.field === name));
  if (fulltext.length === 0) throw new QuerySetError(`${annotation} reads a full-text match: call search(${name === undefined ? 'field' : JSON.stringify(name)}, query) before annotate()`);
  if (fulltext.length > 1) throw new QuerySetError(`${annotation}: the queryset searches several fields; name the one to read, ${annotation.replace('()', "('field')")}`);
  return (fulltext[0] as { ref: number }).ref;
}
