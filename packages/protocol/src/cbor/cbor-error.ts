/**
 * @module The error every CBOR encode or decode failure throws, carrying the byte offset.
 */
import { brandClass, hasBrand } from '../values/brand.ts';

/** A CBOR encode or decode failure; `offset` is the byte position in the input (decode) or output (encode). */
export class CborError extends Error {
  declare readonly offset: number;

  constructor(message: string, offset: number) {
    super(`${message} (at byte ${offset})`);
    this.name = 'CborError';
    this.offset = offset;
  }

  static override [Symbol.hasInstance](value: unknown): value is CborError {
    return hasBrand(this, value);
  }

  static {
    // `sdb.CborError` is also how the error tree in rpc/errors.ts counts a CborError as an SdbError.
    brandClass(this, 'CborError');
  }
}
