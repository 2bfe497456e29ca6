/**
 * @module The error every CBOR encode or decode failure throws, carrying the byte offset, and for
 * a value the encoder refuses, the value's path.
 */
import { brandClass, hasBrand } from '../values/brand.ts';

/**
 * A CBOR encode or decode failure; `offset` is the byte position in the input (decode) or output
 * (encode). When `encode` refuses a value, `path` names it: `$` is the value passed to `encode`,
 * then `.key` or `["odd key"]` for object and Map entries and `[i]` for array and Set items.
 */
export class CborError extends Error {
  declare readonly offset: number;
  declare readonly path: string | undefined;

  constructor(message: string, offset: number, path?: string) {
    super(path === undefined ? `${message} (at byte ${offset})` : `${message} (at ${path})`);
    this.name = 'CborError';
    this.offset = offset;
    this.path = path;
  }

  static override [Symbol.hasInstance](value: unknown): value is CborError {
    return hasBrand(this, value);
  }

  static {
    // `sdb.CborError` is also how the error tree in rpc/errors.ts counts a CborError as an SdbError.
    brandClass(this, 'CborError');
  }
}
