/**
 * @module Atomic update operations, computed by the server from the stored value rather than
 * from the client's copy: `f.increment(1)`, `f.decrement(1)`, `f.append('a')`, `f.addToSet('a')`
 * (no duplicates: SurrealDB 3's `+=` on an array appends duplicates, so this is
 * `array::union`), `f.remove('a')`. A patch holding one is written with SET instead of MERGE
 * (./patch.ts, loaded with the first write).
 */

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
