/**
 * @module Rows into model instances, in one pass with no per-row closures: each instance is made
 * from the model's prototype, gets `id` and the declared fields as own properties, and keeps a
 * snapshot of what it loaded so `save()` can write only what changed.
 */
import { valuesEqual } from '@sdb/protocol';
import type { AnyField, FieldKind } from '../schema/fields.ts';
import type { FieldMap } from '../schema/infer.ts';
import { copyValue } from '../schema/validate.ts';

/** Where an instance keeps its loaded state (a symbol: never a field name, never serialised). */
export const LOADED = Symbol('sdb.orm.loaded');

/** How each field's loaded value is kept in the snapshot: as is, as a shallow array copy, or deep-copied. */
const enum Keep {
  Same,
  Slice,
  Deep,
}

/** Kinds whose values are primitives or immutable @sdb/protocol values: the snapshot may share them. */
const IMMUTABLE: ReadonlySet<FieldKind> = new Set(['string', 'int', 'float', 'number', 'decimal', 'bool', 'datetime', 'duration', 'uuid', 'literal', 'link', 'geometry', 'file']);

function keepOf(field: AnyField): Keep {
  const { kind, of } = field.config;
  if (IMMUTABLE.has(kind)) return Keep.Same;
  if (kind === 'vector' || (kind === 'array' && IMMUTABLE.has(of!.config.kind))) return Keep.Slice;
  return Keep.Deep; // bytes, objects, sets, arrays of those, any, computed (of any type)
}

/**
 * What loading a row needs, computed once per model: the field names and how the snapshot keeps
 * each (so loading a row is one loop with no type tests on values that cannot be mutated).
 */
export interface LoadPlan {
  readonly names: readonly string[];
  readonly keep: readonly Keep[];
}

export function loadPlan(fields: FieldMap): LoadPlan {
  const names = Object.keys(fields);
  return Object.freeze({ names, keep: names.map((name) => keepOf(fields[name]!)) });
}

/** What hydration needs of a model class. */
export interface Hydratable {
  readonly prototype: object;
  readonly loadPlan: LoadPlan;
}

interface Loaded {
  /** The loaded values, by the position of their field in the load plan. */
  [LOADED]?: unknown[];
  [name: string]: unknown;
}

/** Sets `instance`'s id and fields from `row` (fields absent from the row are removed) and records the snapshot. */
export function assignRow(instance: object, row: Record<string, unknown>, plan: LoadPlan): void {
  const target = instance as Loaded;
  const { names, keep } = plan;
  const snapshot = new Array<unknown>(names.length);
  target.id = row.id;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const value = row[name];
    if (value === undefined) {
      if (name in target) delete target[name];
      continue;
    }
    target[name] = value;
    // The instance's value may be changed in place (tags.push(...)), so the snapshot holds its own copy.
    const how = keep[i];
    snapshot[i] = how === Keep.Same || value === null ? value : how === Keep.Slice && Array.isArray(value) ? value.slice() : copyValue(value);
  }
  target[LOADED] = snapshot;
}

/** One instance per row, of `Model`. */
export function hydrate<I>(Model: Hydratable, rows: readonly Record<string, unknown>[]): I[] {
  const out = new Array<I>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const instance = Object.create(Model.prototype) as object;
    assignRow(instance, rows[i]!, Model.loadPlan);
    out[i] = instance as I;
  }
  return out;
}

/** Whether `instance` was loaded from (or written to) the database. */
export function isLoaded(instance: object): boolean {
  return (instance as Loaded)[LOADED] !== undefined;
}

/** The fields whose value differs from the snapshot; a field set to `undefined` is in it as `undefined` (to unset). */
export function changedFields(instance: object, plan: LoadPlan): Record<string, unknown> {
  const target = instance as Loaded;
  const snapshot = target[LOADED] ?? [];
  const changed: Record<string, unknown> = {};
  plan.names.forEach((name, i) => {
    if (!valuesEqual(target[name], snapshot[i])) changed[name] = target[name];
  });
  return changed;
}
