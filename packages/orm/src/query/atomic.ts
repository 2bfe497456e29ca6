/**
 * @module Atomic update operations, computed by the server from the stored value rather than
 * from the client's copy: `f.increment(1)`, `f.decrement(1)`, `f.append('a')`, `f.addToSet('a')`
 * (no duplicates: SurrealDB 3's `+=` on an array appends duplicates, so this is
 * `array::union`), `f.remove('a')`. A patch holding one is written with SET instead of MERGE.
 */
// A namespace import: a bundle then keeps only the function namespaces used here, not the whole catalogue.
import { call } from '@sdb/functions/core';
import { coalesce, field, type UpdateQuery } from '@sdb/ql';
import { ValidationError } from '../errors.ts';
import type { AnyField } from '../schema/fields.ts';
import { checkFields, checkValue, type ModelShape } from '../schema/validate.ts';

export type AtomicKind = 'increment' | 'decrement' | 'append' | 'addToSet' | 'remove';

const ATOMIC_BRAND = Symbol.for('sdb.orm.Atomic');

/** An atomic operation on a field of type `T` (phantom). */
export class Atomic<T = unknown> {
  declare readonly _field?: (value: T) => void;

  constructor(
    readonly kind: AtomicKind,
    readonly values: readonly unknown[],
  ) {
    Object.freeze(this);
  }

  get [ATOMIC_BRAND](): true {
    return true;
  }
}

export function isAtomic(value: unknown): value is Atomic {
  return typeof value === 'object' && value !== null && (value as { [ATOMIC_BRAND]?: unknown })[ATOMIC_BRAND] === true;
}

type Element<T> = T extends readonly (infer E)[] ? E : T extends Set<infer E> ? E : never;

/** The atomic operations, exported as part of `f`. */
export const atomic = {
  /** `field += n` (numbers). */
  increment: (by = 1): Atomic<number> => new Atomic('increment', [by]),
  /** `field -= n` (numbers). */
  decrement: (by = 1): Atomic<number> => new Atomic('decrement', [by]),
  /** Appends the values to an array (duplicates kept). */
  append: <E>(...values: E[]): Atomic<readonly E[] | Set<E>> => new Atomic('append', values),
  /** Adds the values an array does not hold yet (`array::union`). */
  addToSet: <E>(...values: E[]): Atomic<readonly E[] | Set<E>> => new Atomic('addToSet', values),
  /** Removes every occurrence of the values from an array. */
  remove: <E>(...values: E[]): Atomic<readonly E[] | Set<E>> => new Atomic('remove', values),
};

/** What a field accepts in an update: a value, or an atomic operation that fits its type. */
export type AtomicFor<T> = [T] extends [number] ? Atomic<number> : [Element<T>] extends [never] ? never : Atomic<readonly Element<T>[] | Set<Element<T>>>;

const NUMERIC = new Set(['int', 'float', 'number', 'decimal', 'any']);

function checkAtomic(model: ModelShape, name: string, fieldDef: AnyField, op: Atomic): void {
  const { kind: fieldKind } = fieldDef.config;
  const numeric = op.kind === 'increment' || op.kind === 'decrement';
  if (numeric ? !NUMERIC.has(fieldKind) : fieldKind !== 'array' && fieldKind !== 'set' && fieldKind !== 'any') {
    throw new ValidationError(model.table, name, 'type', `f.${op.kind}() does not apply to a ${fieldKind} field`);
  }
  if (numeric && typeof op.values[0] !== 'number') throw new ValidationError(model.table, name, 'type', `f.${op.kind}() takes a number`);
  const element = fieldDef.config.of;
  if (element !== undefined) op.values.forEach((value, index) => checkValue(model, `${name}[${index}]`, element, value));
}

/** Checks a patch (plain values and atomic operations) before it is sent; answers whether it holds an atomic operation. */
function checkPatch(model: ModelShape, patch: Record<string, unknown>): boolean {
  const plain: Record<string, unknown> = {};
  let atomicFound = false;
  for (const [name, value] of Object.entries(patch)) {
    if (!isAtomic(value)) {
      plain[name] = value;
      continue;
    }
    const fieldDef = Object.hasOwn(model.fields, name) ? model.fields[name] : undefined;
    if (fieldDef === undefined) throw new ValidationError(model.table, name, 'unknown_field', `${model.table} declares no field "${name}"`);
    checkAtomic(model, name, fieldDef, value);
    atomicFound = true;
  }
  checkFields(model, model.fields, plain, 'partial');
  return atomicFound;
}

/** The patch as the data clause of `query`: MERGE for plain values, SET when it holds an atomic operation. */
export function withPatch<Q extends UpdateQuery<any, any>>(query: Q, model: ModelShape, patch: Record<string, unknown>): Q {
  if (!checkPatch(model, patch)) return query.merge(patch);
  let q = query;
  for (const [name, value] of Object.entries(patch)) {
    if (!isAtomic(value)) {
      q = q.set({ [name]: value });
      continue;
    }
    // An absent array counts as empty, so the first append to a new record works.
    const current = coalesce<unknown[]>(field(name), []);
    switch (value.kind) {
      case 'increment':
        q = q.set(name, '+=', value.values[0]);
        break;
      case 'decrement':
        q = q.set(name, '-=', value.values[0]);
        break;
      case 'append':
        q = q.set({ [name]: call('array::concat', current, value.values) });
        break;
      case 'addToSet':
        q = q.set({ [name]: call('array::union', current, value.values) });
        break;
      case 'remove':
        q = q.set({ [name]: call('array::complement', current, value.values) });
        break;
    }
  }
  return q;
}
