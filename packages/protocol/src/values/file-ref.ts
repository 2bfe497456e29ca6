/**
 * @module FileRef: a file in a SurrealDB bucket (CBOR tag 55 `[bucket, key]`).
 */
import { TAG_FILE, cborValue } from '../cbor/tags.ts';
import { Value, brandValue } from './value.ts';

/** A reference to the file `key` (a path such as `/photos/a.png`) in `bucket`. */
export class FileRef extends Value {
  declare readonly bucket: string;
  declare readonly key: string;

  constructor(bucket: string, key: string) {
    super();
    if (typeof bucket !== 'string' || typeof key !== 'string') throw new TypeError('A FileRef bucket and key are strings');
    this.bucket = bucket;
    this.key = key;
  }

  /** SurrealQL literal: `f"bucket:/key"`. */
  toString(): string {
    return `f"${`${this.bucket}:${this.key}`.replace(/[\\"]/g, '\\$&')}"`;
  }

  [cborValue](): [string, string] {
    return [this.bucket, this.key];
  }

  static {
    brandValue(this, 'FileRef', TAG_FILE);
  }
}
