/**
 * @module Property tests: any value the codec accepts survives encode → decode, and re-encoding
 * what was decoded gives the very same bytes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode, encode } from '../src/codec.ts';
import {
  BoundExcluded,
  BoundIncluded,
  Datetime,
  Decimal,
  Duration,
  FileRef,
  GeometryCollection,
  GeometryLine,
  GeometryMultiLine,
  GeometryMultiPoint,
  GeometryMultiPolygon,
  GeometryPoint,
  GeometryPolygon,
  Range,
  RecordId,
  RecordIdRange,
  Table,
  Uuid,
} from '../src/values/index.ts';
import { hex } from './fixtures/hex.ts';

const RUNS = { numRuns: 300 };

const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary', maxLength: 300 }));
const float = fc.oneof(fc.double(), fc.constantFrom(-0, Number.NaN, Infinity, -Infinity, 2 ** 53, -(2 ** 64)));
const integer = fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: -24, max: 24 }));
/** What SurrealDB stores: i64 (the encoder refuses the rest, see codec-refusals.test.ts). */
const bigint = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
const scalar = fc.oneof(fc.constant(null), fc.constant(undefined), fc.boolean(), integer, float, bigint, text, fc.uint8Array({ maxLength: 40 }));

const uuid = fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => new Uuid(b));
const point = fc.tuple(float, float).map(([x, y]) => new GeometryPoint([x, y]));
const line = fc.array(point, { minLength: 2, maxLength: 4 }).map((p) => new GeometryLine(p));
const polygon = fc.array(line, { minLength: 1, maxLength: 3 }).map((l) => new GeometryPolygon(l));
const geometry = fc.oneof(
  point,
  line,
  polygon,
  fc.array(point, { maxLength: 3 }).map((p) => new GeometryMultiPoint(p)),
  fc.array(line, { maxLength: 3 }).map((l) => new GeometryMultiLine(l)),
  fc.array(polygon, { maxLength: 2 }).map((p) => new GeometryMultiPolygon(p)),
);
const decimal = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 40n }), fc.option(fc.stringMatching(/^[0-9]{1,20}$/)))
  .map(([negative, whole, fraction]) => new Decimal(`${negative ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}`));
const datetime = fc
  .tuple(fc.integer({ min: -62_135_596_800, max: 253_402_300_799 }), fc.integer({ min: 0, max: 999_999_999 }))
  .map(([s, ns]) => Datetime.fromEpoch(s, ns));
const duration = fc
  .tuple(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), fc.integer({ min: 0, max: 999_999_999 }))
  .map(([s, ns]) => Duration.fromParts(s, ns));
/** Keys that decode to exactly themselves: a bigint key inside the safe range would come back a number. */
const recordKey = fc.oneof(
  text,
  fc.maxSafeInteger(),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).filter((n) => n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)),
  uuid,
  fc.array(fc.oneof(text, fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.oneof(text, fc.integer()), { maxKeys: 3, noNullPrototype: true }),
);
const bound = <T>(value: fc.Arbitrary<T>) =>
  fc.option(fc.oneof(value.map((v) => new BoundIncluded(v)), value.map((v) => new BoundExcluded(v))), { nil: undefined });
const surrealValue = fc.oneof(
  fc.tuple(fc.string(), recordKey).map(([t, k]) => new RecordId(t, k)),
  fc.tuple(fc.string(), bound(fc.integer()), bound(text)).map(([t, b, e]) => new RecordIdRange(t, b as never, e as never)),
  fc.string().map((name) => new Table(name)),
  uuid,
  datetime,
  duration,
  decimal,
  fc.tuple(bound(integer), bound(text)).map(([b, e]) => new Range(b, e)),
  fc.tuple(fc.string(), fc.string()).map(([b, k]) => new FileRef(b, k)),
  geometry,
  fc.array(geometry, { maxLength: 3 }).map((g) => new GeometryCollection(g)),
);

const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, surrealValue, tie('array'), tie('object'), tie('map'), tie('set')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'toString')), tie('value'), { maxKeys: 5 }),
  // Entries in the order a JS object keeps its keys (integer-like first), which is the order they decode to.
  map: fc.dictionary(text, tie('value'), { maxKeys: 4 }).map((entries) => new Map(Object.entries(entries))),
  set: fc.array(tie('value'), { maxLength: 4 }).map((items) => new Set(items)),
}));

/**
 * What a value decodes to: bigints in the safe range become numbers, and Maps (whose keys are
 * strings) become plain objects (CBOR cannot tell them apart).
 */
function decodedForm(input: unknown): unknown {
  if (typeof input === 'bigint') return Number.isSafeInteger(Number(input)) && BigInt(Number(input)) === input ? Number(input) : input;
  if (Array.isArray(input)) return input.map(decodedForm);
  if (input instanceof Set) return new Set([...input].map(decodedForm));
  if (input instanceof Map) return objectOf([...input].map(([k, v]) => [k as string, decodedForm(v)]));
  // Objects with a null prototype decode with the ordinary one.
  if (input !== null && typeof input === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(input))) {
    return objectOf(Object.entries(input).map(([k, v]) => [k, decodedForm(v)]));
  }
  return input;
}

function objectOf(entries: [string, unknown][]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(object, k, { value: v, enumerable: true, writable: true, configurable: true });
  return object;
}

describe('round trips', () => {
  it('decode(encode(x)) equals x for arbitrary nested values', () => {
    fc.assert(
      fc.property(value, (input) => {
        expect(decode(encode(input))).toStrictEqual(decodedForm(input));
      }),
      RUNS,
    );
  });

  it('re-encoding a decoded value reproduces the exact bytes', () => {
    fc.assert(
      fc.property(value, (input) => {
        const encoded = encode(input);
        expect(hex(encode(decode(encoded)))).toBe(hex(encoded));
      }),
      RUNS,
    );
  });

  it('every SurrealDB value class comes back equal by its own equals()', () => {
    fc.assert(
      fc.property(surrealValue, (input) => {
        expect(input.equals(decode(encode(input)))).toBe(true);
      }),
      RUNS,
    );
  });

  it('floats keep their exact bits, including -0 and NaN', () => {
    fc.assert(
      fc.property(float, (input) => {
        expect(Object.is(decode(encode(input)), input)).toBe(true);
      }),
      RUNS,
    );
  });

  it('bigints in the i64 range keep their value; those beyond 2^53 stay bigint', () => {
    fc.assert(
      fc.property(bigint, (input) => {
        const output = decode(encode(input));
        expect(BigInt(output as number | bigint)).toBe(input);
        expect(typeof output).toBe(Number.isSafeInteger(Number(input)) && BigInt(Number(input)) === input ? 'number' : 'bigint');
      }),
      RUNS,
    );
  });

  it('strings of any code points, including lone surrogates replaced as TextEncoder does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (input) => {
        expect(decode(encode(input))).toBe(new TextDecoder().decode(new TextEncoder().encode(input)));
      }),
      RUNS,
    );
  });
});
