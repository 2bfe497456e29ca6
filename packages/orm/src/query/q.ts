/**
 * @module `Q.and / Q.or / Q.not`: filter trees combining lookup objects, as Django's `Q`. A tree
 * is plain frozen data; it becomes a @sdb/ql condition only when its queryset runs.
 */
import type { Expression } from '@sdb/functions';
import { and, not, or } from '@sdb/ql';
import { QuerySetError } from '../errors.ts';
import { lookupCondition, type FieldsHolder } from './lookups.ts';

/** A filter tree node: lookups (all must hold), a conjunction, a disjunction or a negation. */
export type QNode =
  | { readonly kind: 'lookups'; readonly lookups: Readonly<Record<string, unknown>> }
  | { readonly kind: 'and' | 'or'; readonly children: readonly QNode[] }
  | { readonly kind: 'not'; readonly child: QNode };

const Q_BRAND = Symbol.for('sdb.orm.Q');

/** A filter tree over lookups of type `L` (a model's `Lookups`). */
export class Q<L = Record<string, unknown>> {
  /**
   * Phantom, contravariant in `L`: a Q built inside `filter()` is checked against the model's
   * lookups; one built on its own (`L` unknown) is accepted and checked when the queryset runs.
   */
  declare readonly _lookups?: (lookups: L) => void;
  readonly node: QNode;

  constructor(node: QNode) {
    this.node = node;
    Object.freeze(this);
  }

  get [Q_BRAND](): true {
    return true;
  }

  // `NoInfer`: the lookup type comes from where the Q is used (`filter(Q.or(...))` checks each
  // part against the model's lookups), not from the parts themselves.

  /** Every part holds. */
  static and<L>(...parts: readonly (NoInfer<L> | Q<NoInfer<L>>)[]): Q<L> {
    return new Q({ kind: 'and', children: parts.map(toQNode) });
  }

  /** At least one part holds. */
  static or<L>(...parts: readonly (NoInfer<L> | Q<NoInfer<L>>)[]): Q<L> {
    return new Q({ kind: 'or', children: parts.map(toQNode) });
  }

  /** The part does not hold. */
  static not<L>(part: NoInfer<L> | Q<NoInfer<L>>): Q<L> {
    return new Q({ kind: 'not', child: toQNode(part) });
  }
}

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
