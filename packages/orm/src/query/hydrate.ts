/**
 * @module Rows into model instances, in one pass with no per-row closures: each instance is made
 * from the model's prototype, gets `id` and the declared fields as own properties, and keeps a
 * snapshot of what it loaded so `save()` can write only what changed.
 */
import { valuesEqual } from '@sdb/protocol';
import { copyValue } from '../schema/validate.ts';

/** Where an instance keeps its loaded state (a symbol: never a field name, never serialised). */
export const LOADED = Symbol('sdb.orm.loaded');

/** What hydration needs of a model class. */
export interface Hydratable {
  readonly prototype: object;
  readonly fieldNames: readonly string[];
}

interface Loaded {
  [LOADED]?: Record<string, unknown>;
  [name: string]: unknown;
}

/** Sets `instance`'s id and fields from `row` (fields absent from the row are removed) and records the snapshot. */
export function assignRow(instance: object, row: Record<string, unknown>, fieldNames: readonly string[]): void {
  const target = instance as Loaded;
  const snapshot: Record<string, unknown> = {};
  target.id = row.id;
  for (const name of fieldNames) {
    const value = row[name];
    if (value === undefined) {
      delete target[name];
      continue;
    }
    target[name] = value;
    // The instance's value may be changed in place (tags.push(...)), so the snapshot holds its own copy.
    snapshot[name] = typeof value === 'object' && value !== null ? copyValue(value) : value;
  }
  target[LOADED] = snapshot;
}

/** One instance per row, of `Model`. */
export function hydrate<I>(Model: Hydratable, rows: readonly Record<string, unknown>[]): I[] {
  const out = new Array<I>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const instance = Object.create(Model.prototype) as object;
    assignRow(instance, rows[i]!, Model.fieldNames);
    out[i] = instance as I;
  }
  return out;
}

/** Whether `instance` was loaded from (or written to) the database. */
export function isLoaded(instance: object): boolean {
  return (instance as Loaded)[LOADED] !== undefined;
}

/** The fields whose value differs from the snapshot; a field set to `undefined` is in it as `undefined` (to unset). */
export function changedFields(instance: object, fieldNames: readonly string[]): Record<string, unknown> {
  const target = instance as Loaded;
  const snapshot = target[LOADED] ?? {};
  const changed: Record<string, unknown> = {};
  for (const name of fieldNames) {
    if (!valuesEqual(target[name], snapshot[name])) changed[name] = target[name];
  }
  return changed;
}
