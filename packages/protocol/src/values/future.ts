/**
 * @module Future: a SurrealQL `<future> { … }` block (CBOR tag 15), kept as its source text.
 * SurrealDB 3 computes such values itself; the class exists so a tag 15 decodes to something
 * typed and encodes back unchanged.
 */
import { TAG_FUTURE, cborValue } from '../cbor/tags.ts';
import { Value, brandValue } from './value.ts';

/** The body of a `<future>` block, e.g. `time::now()`. */
export class Future extends Value {
  declare readonly body: string;

  constructor(body: string) {
    super();
    if (typeof body !== 'string') throw new TypeError('A Future body is SurrealQL text');
    this.body = body;
  }

  toString(): string {
    return `<future> { ${this.body} }`;
  }

  [cborValue](): string {
    return this.body;
  }

  static {
    brandValue(this, 'Future', TAG_FUTURE);
  }
}
