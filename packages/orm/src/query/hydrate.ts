/**
 * @module Rows into model instances, in one pass with no per-row closures: each instance is made
 * from the model's prototype and gets the row's properties (`id` and the fields) as its own, and
 * keeps a snapshot of what it loaded (the decoded row itself) so `save()` can write only what
 * changed.
 */
import { valuesEqual } from '@sdb/protocol';
import type { AnyField, FieldKind } from '../schema/fields.ts';
import type { FieldMap } from '../schema/infer.ts';
import { copyValue } from '../schema/defaults.ts';

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
 * What loading a row needs, computed once per model: the field names, and the fields whose
 * loaded value the snapshot must copy (so loading a row makes no type test on values that cannot
 * be changed in place).
 */
export interface LoadPlan {
  readonly names: readonly string[];
  readonly copied: readonly { readonly name: string; readonly keep: Keep.Slice | Keep.Deep }[];
}

export function loadPlan(fields: FieldMap): LoadPlan {
  const names = Object.keys(fields);
  const copied = names.flatMap((name) => {
    const keep = keepOf(fields[name]!);
    return keep === Keep.Same ? [] : [{ name, keep }];
  });
  return Object.freeze({ names, copied });
}

/** What hydration needs of a model class. */
export interface Hydratable {
  readonly prototype: object;
  readonly loadPlan: LoadPlan;
}

interface Loaded {
  /** The values as loaded, by field name (own copies of those that can change in place). */
  [LOADED]?: Record<string, unknown>;
  [name: string]: unknown;
}

/**
 * Makes `row` (a decoded row no one else holds) the snapshot `save()` compares with: the values
 * that can change in place (tags.push(...)) are replaced by copies, the instance keeping the originals.
 */
function keepAsSnapshot(row: Record<string, unknown>, plan: LoadPlan): Record<string, unknown> {
  for (const { name, keep } of plan.copied) {
    const value = row[name];
    if (value === undefined || value === null) continue;
    row[name] = keep === Keep.Slice && Array.isArray(value) ? value.slice() : copyValue(value);
  }
  return row;
}

/** Sets an existing instance's id and fields from `row` (declared fields absent from the row are removed) and records the snapshot. */
export function assignRow(instance: object, row: Record<string, unknown>, plan: LoadPlan): void {
  const target = instance as Loaded;
  for (const name of plan.names) if (row[name] === undefined && name in target) delete target[name];
  // String keys only: `row` may be another instance (save() of a new one), whose snapshot stays its own.
  const snapshot: Record<string, unknown> = {};
  for (const key in row) snapshot[key] = target[key] = row[key];
  target[LOADED] = keepAsSnapshot(snapshot, plan);
}

/** One instance per row, of `Model`: the row's properties copied in one `Object.assign`, the row kept as the snapshot. */
export function hydrate<I>(Model: Hydratable, rows: readonly Record<string, unknown>[]): I[] {
  const { prototype, loadPlan: plan } = Model;
  const out = new Array<I>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const instance = Object.assign(Object.create(prototype) as Loaded, row);
    instance[LOADED] = keepAsSnapshot(row, plan);
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
  const snapshot = target[LOADED] ?? {};
  const changed: Record<string, unknown> = {};
  for (const name of plan.names) if (!valuesEqual(target[name], snapshot[name])) changed[name] = target[name];
  return changed;
}
