/**
 * @module The error every CBOR encode or decode failure throws, carrying the byte offset.
 */
import { brand, isBranded } from '../values/brand.ts';

/** Shared with the error tree in rpc/errors.ts, which counts a CborError as an SdbError. */
const CBOR_ERROR = brand('CborError');

/** A CBOR encode or decode failure; `offset` is the byte position in the input (decode) or output (encode). */
export class CborError extends Error {
  declare readonly offset: number;

  constructor(message: string, offset: number) {
    super(`${message} (at byte ${offset})`);
    this.name = 'CborError';
    this.offset = offset;
  }

  get [CBOR_ERROR](): true {
    return true;
  }

  static override [Symbol.hasInstance](value: unknown): value is CborError {
    return isBranded(this, CborError, CBOR_ERROR, value);
  }
}
