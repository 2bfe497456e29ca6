/**
 * @module The base of the sdb error tree: `SdbError` and the brand that makes `instanceof` work
 * across two installed copies of this package. Each family of errors has its own module
 * (server-errors.ts, client-errors.ts, build-errors.ts), so a bundle carries only the ones its
 * code can throw.
 */

/**
 * Each class carries a static brand string under this shared symbol; `instanceof` compares brands
 * along the value's prototype chain, so an error built by another copy of @sdb/protocol matches,
 * and the brand is the error's `name`. A subclass in another package that wants both declares
 * `static override readonly [errorBrand] = 'MyError'`; without it, it keeps ordinary `instanceof`.
 */
export const errorBrand: unique symbol = Symbol.for('sdb.errorBrand');
const CBOR_ERROR = Symbol.for('sdb.CborError');

/** The base of every error sdb throws. */
export class SdbError extends Error {
  static readonly [errorBrand]: string = 'SdbError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    // `new.target[errorBrand]` names the most derived sdb class, so subclasses need no `name` of their own
    // and minifiers renaming classes cannot change it.
    this.name = (new.target as unknown as Record<typeof errorBrand, string>)[errorBrand];
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (!Object.hasOwn(this, errorBrand)) return Function.prototype[Symbol.hasInstance].call(this, value);
    const wanted = (this as unknown as Record<typeof errorBrand, string>)[errorBrand];
    // The codec's CborError lives outside this tree (the codec has no dependency on it) but is an sdb error.
    if (wanted === 'SdbError' && (value as Record<symbol, unknown> | null | undefined)?.[CBOR_ERROR] === true) return true;
    // A constructor without a brand of its own inherits its nearest sdb ancestor's, which the walk meets anyway.
    for (let proto = Object(value); (proto = Object.getPrototypeOf(proto)); ) {
      if ((proto as { constructor?: Record<typeof errorBrand, unknown> }).constructor?.[errorBrand] === wanted) return true;
    }
    return false;
  }
}

/**
 * A class that adds nothing to `Base` but its brand, which is also its `name` (set here, so that
 * minifiers renaming classes cannot change it).
 */
export function errorClass<Base extends new (...args: never[]) => SdbError>(Base: Base, brand: string): Base {
  const Class = class extends (Base as unknown as typeof SdbError) {
    static override readonly [errorBrand]: string = brand;
  };
  Object.defineProperty(Class, 'name', { value: brand });
  return Class as unknown as Base;
}
