/**
 * @module What an edge model adds to its DEFINE nodes, and how to tell an edge: apart from
 * `edge()` (./edge.ts), so the DEFINE code (./define.ts, migrations) reaches no model class.
 */
import { field, type DefineIndexNode, type DefineTableNode } from '@sdb/ql';
import type { LinkTarget } from './fields.ts';
import type { ModelShape } from './validate.ts';

/** The models an edge goes from (`in`) and to (`out`), as thunks so models may refer to each other. */
export interface EdgeEnds<From extends LinkTarget = LinkTarget, To extends LinkTarget = LinkTarget> {
  readonly from: () => From;
  readonly to: () => To;
}

/** Whether `model` was declared with `edge()`. */
export function isEdge(model: object): boolean {
  return (model as { edge?: unknown }).edge !== undefined;
}

/**
 * What an edge adds to its DEFINE nodes: `TYPE RELATION IN from OUT to ENFORCED` on the table
 * (which makes the server define `in` and `out` itself, so they get no DEFINE FIELD), and an
 * index on each end, since the relation manager and prefetching select edges by `in` or `out`.
 */
export function edgeDefinition(model: ModelShape & { readonly edge: EdgeEnds }): { table: Pick<DefineTableNode, 'type' | 'relation'>; indexes: DefineIndexNode[] } {
  const index = (end: 'in' | 'out'): DefineIndexNode => ({ kind: 'defineIndex', mode: 'OVERWRITE', name: `${model.table}_${end}_index`, table: model.table, fields: [field(end).node] });
  return {
    table: { type: 'RELATION', relation: { in: [model.edge.from().table], out: [model.edge.to().table], enforced: true } },
    indexes: [index('in'), index('out')],
  };
}

/** The names `defineNodes` leaves to the server on an edge table. */
export const EDGE_ENDS: ReadonlySet<string> = /* @__PURE__ */ new Set(['in', 'out']);
