/**
 * @module Per-record annotations for `queryset.annotate({...})`: `SearchScore()` (BM25,
 * `search::score(ref)`), `SearchHighlight(open, close)` (`search::highlight`), `GeoDistance(field,
 * point)` (`geo::distance`, metres); `nearest()` adds its own `distance`. Each becomes a computed
 * field of the SELECT, and its value an own property of each instance next to the fields (never
 * written back by `save()`), typed through `Annotated<M, A>`.
 */
// A namespace import: a bundle then keeps only the function namespaces used here, not the whole catalogue.
import { call, type Expression } from '@sdb/functions/core';
import { field } from '@sdb/ql';
import { GeometryPoint } from '@sdb/protocol';
import { QuerySetError } from '../errors.ts';
import type { AnyModel, InstanceOf } from '../schema/model.ts';
import { fulltextRef, searchField, type SearchClause, type SearchModel } from './clauses.ts';

/** What an annotation is built from: the model and the search clauses of its queryset. */
export interface AnnotationContext {
  readonly model: SearchModel;
  readonly clauses: readonly SearchClause[];
}

const ANNOTATION_BRAND = Symbol.for('sdb.orm.Annotation');

/** A per-record value of type `T` (phantom), computed by the server. */
export class Annotation<T = unknown> {
  declare readonly _value?: T;

  constructor(readonly build: (context: AnnotationContext) => Expression<T>) {
    Object.freeze(this);
  }

  get [ANNOTATION_BRAND](): true {
    return true;
  }
}

function isAnnotation(value: unknown): value is Annotation {
  return typeof value === 'object' && value !== null && (value as { [ANNOTATION_BRAND]?: unknown })[ANNOTATION_BRAND] === true;
}

/** The BM25 score of the queryset's `search()` (of the one on `fieldName` when it searches several). */
export function SearchScore(fieldName?: string): Annotation<number> {
  return new Annotation(({ clauses }) => call('search::score', fulltextRef(clauses, fieldName, 'SearchScore()')));
}

/**
 * The searched text with each match between `open` and `close` (`<b>`, `</b>`); `partial` marks
 * partial matches too. The field's index must be declared with `highlights: true`.
 */
export function SearchHighlight(open: string, close: string, options: { field?: string; partial?: boolean } = {}): Annotation<string> {
  if (typeof open !== 'string' || typeof close !== 'string') throw new QuerySetError('SearchHighlight(open, close) takes two strings');
  return new Annotation(({ model, clauses }) => {
    const ref = fulltextRef(clauses, options.field, 'SearchHighlight()');
    const searched = clauses.find((clause) => clause.kind === 'fulltext' && clause.ref === ref)!.field;
    if (!model.fields[searched]!.config.fulltext?.highlights) {
      throw new QuerySetError(`SearchHighlight(): ${model.table}.${searched}'s index keeps no highlights; declare .fulltext({ analyzer, highlights: true })`);
    }
    const highlight = options.partial === undefined ? call('search::highlight', open, close, ref) : call('search::highlight', open, close, ref, options.partial);
    return highlight as Expression<string>;
  });
}

/** The distance in metres from a geometry field to `point` (`geo::distance`). */
export function GeoDistance(fieldName: string, point: GeometryPoint): Annotation<number> {
  if (!(point instanceof GeometryPoint)) throw new QuerySetError('GeoDistance(field, point) takes a GeometryPoint');
  return new Annotation(({ model }) => {
    searchField(model, fieldName, 'geometry', 'GeoDistance()');
    return call('geo::distance', field(fieldName), point);
  });
}

/** The value types of an annotation spec. */
export type AnnotationValues<A> = { -readonly [K in keyof A]: A[K] extends Annotation<infer T> ? T : never };

/** The annotations a queryset's model carries (none for a plain model). */
export type AnnotationsOf<M> = M extends { readonly _annotations?: infer A } ? (unknown extends A ? {} : NonNullable<A>) : {};

/** The `orderBy()` keys of a queryset's annotations: `score` or `-score`. */
export type AnnotationOrderKey<M> = (keyof AnnotationsOf<M> & string) | `-${keyof AnnotationsOf<M> & string}`;

/** A model whose instances also carry the annotations `A` (what `annotate()` and `nearest()` answer). */
export type Annotated<M extends AnyModel, A> = M & { readonly prototype: InstanceOf<M> & A; readonly _annotations?: AnnotationsOf<M> & A };

/** Checks each alias (no field, id or instance method of the model; not used twice) and builds its expression. */
export function annotationFields(model: SearchModel & { readonly prototype: object }, clauses: readonly SearchClause[], spec: Readonly<Record<string, unknown>>, existing: Readonly<Record<string, Expression>>): Record<string, Expression> {
  const entries = Object.entries(spec);
  if (entries.length === 0) throw new QuerySetError('annotate() needs at least one annotation');
  const out: Record<string, Expression> = {};
  for (const [alias, annotation] of entries) {
    if (!isAnnotation(annotation)) throw new QuerySetError(`"${alias}" is not an annotation (SearchScore(), SearchHighlight(), GeoDistance()); aggregates go in values(...).annotate()`);
    checkAlias(model, alias, existing);
    out[alias] = annotation.build({ model, clauses });
  }
  return out;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function checkAlias(model: SearchModel & { readonly prototype: object }, alias: string, existing: Readonly<Record<string, Expression>>): void {
  if (!IDENTIFIER.test(alias)) throw new QuerySetError(`An annotation name is an identifier, got ${JSON.stringify(alias)}`);
  if (alias === 'id' || Object.hasOwn(model.fields, alias) || alias in model.prototype) throw new QuerySetError(`Annotation "${alias}" would hide ${model.table}'s field or method of that name; pick another name`);
  if (Object.hasOwn(existing, alias)) throw new QuerySetError(`The queryset already has an annotation "${alias}"`);
}

/** Copies each annotation's value from the rows onto the instances made from them. */
export function copyAnnotations(instances: readonly object[], rows: readonly Record<string, unknown>[], aliases: readonly string[]): void {
  if (aliases.length === 0) return;
  for (let i = 0; i < instances.length; i++) {
    const target = instances[i] as Record<string, unknown>;
    for (const alias of aliases) target[alias] = rows[i]![alias];
  }
}
