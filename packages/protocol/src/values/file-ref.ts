/**
 * @module FileRef: a file in a SurrealDB bucket (CBOR tag 55 `[bucket, key]`).
 */
import { TAG_FILE, cborTag, cborValue } from '../cbor/tags.ts';
import { brand, isBranded } from './brand.ts';

const FILE_REF = brand('FileRef');

/** A reference to the file `key` (a path such as `/photos/a.png`) in `bucket`. */
export class FileRef {
  readonly bucket: string;
  readonly key: string;

  constructor(bucket: string, key: string) {
    if (typeof bucket !== 'string' || typeof key !== 'string') throw new TypeError('A FileRef bucket and key are strings');
    this.bucket = bucket;
    this.key = key;
  }

  /** SurrealQL literal: `f"bucket:/key"`. */
  toString(): string {
    return `f"${`${this.bucket}:${this.key}`.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  }

  toJSON(): string {
    return this.toString();
  }

  equals(other: unknown): boolean {
    return other instanceof FileRef && other.bucket === this.bucket && other.key === this.key;
  }

  get [FILE_REF](): true {
    return true;
  }

  get [cborTag](): number {
    return TAG_FILE;
  }

  [cborValue](): unknown {
    return [this.bucket, this.key];
  }

  static [Symbol.hasInstance](value: unknown): value is FileRef {
    return isBranded(this, FileRef, FILE_REF, value);
  }
}
