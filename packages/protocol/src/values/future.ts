/**
 * @module Future: a SurrealQL `<future> { … }` block (CBOR tag 15), kept as its source text.
 * SurrealDB 3 computes such values itself; the class exists so a tag 15 decodes to something
 * typed and encodes back unchanged.
 */
import { TAG_FUTURE, cborTag, cborValue } from '../cbor/tags.ts';
import { brand, isBranded } from './brand.ts';

const FUTURE = brand('Future');

/** The body of a `<future>` block, e.g. `time::now()`. */
export class Future {
  readonly body: string;

  constructor(body: string) {
    if (typeof body !== 'string') throw new TypeError('A Future body is SurrealQL text');
    this.body = body;
  }

  toString(): string {
    return `<future> { ${this.body} }`;
  }

  toJSON(): string {
    return this.toString();
  }

  equals(other: unknown): boolean {
    return other instanceof Future && other.body === this.body;
  }

  get [FUTURE](): true {
    return true;
  }

  get [cborTag](): number {
    return TAG_FUTURE;
  }

  [cborValue](): unknown {
    return this.body;
  }

  static [Symbol.hasInstance](value: unknown): value is Future {
    return isBranded(this, Future, FUTURE, value);
  }
}
