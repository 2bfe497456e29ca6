/**
 * @module `Q.and / Q.or / Q.not`: filter trees combining lookup objects, as Django's `Q`. A tree
 * is plain frozen data; it becomes a @sdb/ql condition only when its queryset runs.
 */
import type { Expression } from '@sdb/functions';
import { and, not, or } from '@sdb/ql';
import { QuerySetError } from '../errors.ts';
import type { Lookups, ModelTypes } from '../schema/infer.ts';
import { lookupCondition, type FieldsHolder } from './lookups.ts';

/** A filter tree node: lookups (all must hold), a conjunction, a disjunction or a negation. */
export type QNode =
  | { readonly kind: 'lookups'; readonly lookups: Readonly<Record<string, unknown>> }
  | { readonly kind: 'and' | 'or'; readonly children: readonly QNode[] }
  | { readonly kind: 'not'; readonly child: QNode };

const Q_BRAND = Symbol.for('sdb.orm.Q');

/**
 * A filter tree; `P` records its parts as written (lookup objects and nested Qs), so that the
 * queryset it is given to checks them against its model (`FilterPart`), at any nesting depth.
 */
export class Q<P = unknown> {
  declare readonly _parts?: P;
  readonly node: QNode;

  constructor(node: QNode) {
    this.node = node;
    Object.freeze(this);
  }

  get [Q_BRAND](): true {
    return true;
  }

  /** Every part holds. */
  static and<const P extends readonly unknown[]>(...parts: P): Q<P> {
    return new Q({ kind: 'and', children: parts.map(toQNode) });
  }

  /** At least one part holds. */
  static or<const P extends readonly unknown[]>(...parts: P): Q<P> {
    return new Q({ kind: 'or', children: parts.map(toQNode) });
  }

  /** The part does not hold. */
  static not<const P>(part: P): Q<readonly [P]> {
    return new Q({ kind: 'not', child: toQNode(part) });
  }
}

/**
 * One part of a filter as written (`P`), checked against the model `C` (its table and fields): a
 * lookup object has each key's value typed by the model (`Lookups`); a Q has its recorded parts
 * checked the same way, unless they were typed as plain records (`Q.and<Record<string,
 * unknown>[]>(…)`: lookups the types cannot follow, such as an edge's own fields or a reverse
 * relation, checked when the query runs). (`P` stays bare in the Q branch so that TypeScript
 * infers it directly.)
 */
export type FilterPart<C extends ModelTypes, P> =
  P extends Q<infer Parts>
    ? (Parts extends readonly unknown[] ? (string extends keyof Parts[number] ? P : P & Q<FilterParts<C, Parts>>) : P)
    : Lookups<C['table'], C['fields'], P>;

/** The parts of `filter(...)`, `exclude(...)` or `get(...)`, each checked as `FilterPart`. */
export type FilterParts<C extends ModelTypes, P extends readonly unknown[]> = { [I in keyof P]: FilterPart<C, P[I]> };

function isQ(value: unknown): value is Q<unknown> {
  return typeof value === 'object' && value !== null && (value as { [Q_BRAND]?: unknown })[Q_BRAND] === true;
}

/** A lookup object or a `Q` as a tree node (the lookups are copied and frozen). */
export function toQNode(part: unknown): QNode {
  if (isQ(part)) return part.node;
  if (typeof part !== 'object' || part === null || Array.isArray(part)) throw new QuerySetError('A filter is an object of lookups ({ age__gte: 18 }) or a Q');
  return Object.freeze({ kind: 'lookups', lookups: Object.freeze({ ...(part as Record<string, unknown>) }) });
}

/** The @sdb/ql condition of a tree, or `undefined` for an empty one (which matches everything). */
export function qCondition(model: FieldsHolder, node: QNode): Expression<boolean> | undefined {
  switch (node.kind) {
    case 'lookups': {
      const conditions = Object.entries(node.lookups).map(([key, value]) => lookupCondition(model, key, value));
      return conditions.length === 0 ? undefined : and(...conditions);
    }
    case 'and':
    case 'or': {
      const all = node.children.map((child) => qCondition(model, child));
      // An empty part matches everything: it drops out of AND and makes an OR match everything.
      if (node.kind === 'or' && all.includes(undefined)) return undefined;
      const conditions = all.filter((c) => c !== undefined);
      if (conditions.length === 0) return undefined;
      return node.kind === 'and' ? and(...conditions) : or(...conditions);
    }
    case 'not': {
      const inner = qCondition(model, node.child);
      if (inner === undefined) throw new QuerySetError('Q.not() of an empty filter would match nothing; give it a lookup');
      return not(inner);
    }
  }
}
