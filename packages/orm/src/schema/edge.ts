/**
 * @module `edge(name, { from, to }, fields)`: an edge model, the table of a graph relation
 * (`DEFINE TABLE knows TYPE RELATION IN person OUT person ENFORCED`). Its records are typed
 * `{ id, in, out, ...fields }`; edges are written through a relation manager
 * (`ann.related(Knows).add(bob, { since: 2021 })`), read like any model (`Knows.objects`). Its
 * DEFINE pieces and `isEdge` live in ./edge-definition.ts.
 */
import type { RecordId } from '@sdb/protocol';
import { ModelDefinitionError, QuerySetError } from '../errors.ts';
import { f, type Field, type LinkTarget, type Simplify } from './fields.ts';
import type { FieldMap } from './infer.ts';
import { model, type AnyModel, type ModelClass, type ModelOptions } from './model.ts';
import type { EdgeEnds } from './edge-definition.ts';

type EndField<M extends LinkTarget> = Field<RecordId<M['table']>, false, false, { readonly linkTarget: M }>;

/**
 * An edge model: a model whose `in` and `out` fields link its two ends (at run time it also has
 * `edge`, the ends' thunks). Its type is a plain `ModelClass`, so an edge is a model everywhere.
 */
export type EdgeClass<N extends string, From extends LinkTarget, To extends LinkTarget, F extends FieldMap> = ModelClass<N, Simplify<{ readonly in: EndField<From>; readonly out: EndField<To> } & F>>;

/** Any edge model (at type level, any model: whether it is an edge is checked when it is used). */
export type AnyEdge = AnyModel;

/** The model at an edge's `in` end (`'in'`) or `out` end (`'out'`). */
export type EndOf<E extends AnyModel, End extends 'in' | 'out'> = E['fields'][End] extends Field<any, any, any, { readonly linkTarget: infer T extends AnyModel }> ? T : never;

/** Edges by table name, so a lookup (`knows__out__name`) or a prefetch can find the edge a name means. */
const edges = new Map<string, AnyEdge>();

/** Declares an edge model: `edge('knows', { from: () => Person, to: () => Person }, { since: f.int() })`. */
export function edge<const N extends string, From extends LinkTarget, To extends LinkTarget, const F extends FieldMap = {}>(
  name: N,
  ends: { readonly from: () => From; readonly to: () => To },
  fields: F = {} as F,
  options: ModelOptions = {},
): EdgeClass<N, From, To, F> {
  if (typeof ends?.from !== 'function' || typeof ends.to !== 'function') throw new ModelDefinitionError(`edge('${name}') takes { from: () => Model, to: () => Model }`);
  for (const end of ['in', 'out']) {
    if (Object.hasOwn(fields, end)) throw new ModelDefinitionError(`${name}.${end} is the edge's ${end === 'in' ? 'from' : 'to'} end; it cannot be declared as a field`);
  }
  const Edge = model(name, { in: f.link(ends.from), out: f.link(ends.to), ...fields }, options);
  Object.defineProperty(Edge, 'edge', { value: Object.freeze({ from: ends.from, to: ends.to }), enumerable: true });
  edges.set(name, Edge as unknown as AnyEdge);
  return Edge as unknown as EdgeClass<N, From, To, F>;
}

/** An edge model's two ends; a model not declared with `edge()` is a `QuerySetError`. */
export function endsOf(model: AnyModel, use: string): EdgeEnds {
  const ends = (model as { edge?: EdgeEnds }).edge;
  if (typeof model !== 'function' || ends === undefined) throw new QuerySetError(`${use} takes an edge model (from edge()), got ${String((model as { table?: unknown })?.table ?? model)}`);
  return ends;
}

/** The edge model declared under `name`, if any. */
export function edgeNamed(name: string): AnyEdge | undefined {
  return edges.get(name);
}
