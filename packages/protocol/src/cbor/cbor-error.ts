/**
 * @module The error every CBOR encode or decode failure throws, carrying the byte offset.
 */

/** A CBOR encode or decode failure; `offset` is the byte position in the input (decode) or output (encode). */
export class CborError extends Error {
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(`${message} (at byte ${offset})`);
    this.name = 'CborError';
    this.offset = offset;
  }

  static override [Symbol.hasInstance](value: unknown): value is CborError {
    return this === CborError
      ? typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[CBOR_ERROR] === true
      : Function.prototype[Symbol.hasInstance].call(this, value);
  }
}

const CBOR_ERROR = Symbol.for('sdb.CborError');
Object.defineProperty(CborError.prototype, CBOR_ERROR, { value: true });
