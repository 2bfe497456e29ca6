/**
 * @module The one SurrealQL literal printer (`toSurrealQL`, @sdb/protocol) against the engine:
 * every literal it writes parses back to the value the codec would have bound, and, where the
 * engine's own printing parses too, it writes exactly what SurrealDB 3.0.2 prints.
 */
import {
  BoundExcluded,
  BoundIncluded,
  Datetime,
  Decimal,
  Duration,
  FileRef,
  GeometryLine,
  GeometryPoint,
  GeometryPolygon,
  Range,
  RecordId,
  RecordIdRange,
  RpcClient,
  Table,
  Uuid,
  escapeIdent,
  toSurrealQL,
} from '@sdb/protocol';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedTransport, type EmbeddedTransport } from '../src/transport.ts';

let transport: EmbeddedTransport;
let db: RpcClient;

beforeAll(async () => {
  // File literals (`f"bucket:/key"`) need the experimental files capability.
  transport = await createEmbeddedTransport('mem://', { engine: { capabilities: { experimental: true } } });
  db = new RpcClient(transport);
  await db.use({ namespace: 'literals', database: 'literals' });
});

afterAll(() => transport.close());

/** The engine's reading of the literal, the engine's reading of the bound value, and how the engine prints each. */
async function readBack(value: unknown): Promise<{ parsed: unknown; bound: unknown; parsedText: string; boundText: string }> {
  const literal = toSurrealQL(value);
  const [parsed, bound, parsedText, boundText] = await db.queryAll<[unknown, unknown, string, string]>(
    `RETURN ${literal}; RETURN $v; RETURN <string> [${literal}]; RETURN <string> [$v];`,
    { v: value },
  );
  return { parsed, bound, parsedText, boundText };
}

/** What SurrealDB prints for the bound value (its `<string>` form, inside a one-item array so a string keeps its quotes). */
async function enginePrint(value: unknown): Promise<string> {
  const [text] = await db.queryAll<[string]>('RETURN <string> [$v]', { v: value });
  return text.slice(1, -1);
}

const uuid = new Uuid('0190d8d4-6d41-7a0e-8f4b-7c5a1e2b3c4d');

describe('literals SurrealDB prints the same way', () => {
  it.each<[string, unknown]>([
    ['an integer', -42],
    ['a float', 1.5],
    ['a float needing its f', 2 ** 60],
    ['negative zero', -0],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['a 64-bit integer', 2n ** 62n],
    ['a string with a quote and controls', "it's\n\t\\ \0\b\f"],
    ['a string', 'plain'],
    ['NONE and NULL', [undefined, null]],
    ['booleans', [true, false]],
    ['an object needing sorted, quoted keys', { b: 1, a: 2, 'c d': 3, '1x': 4, '': 5, NaN: 6, select: 7 }],
    ['nested values', { list: [1, 'two', [3.5, { deep: null }]], set: new Set([1, 2]) }],
    ['bytes', new Uint8Array([0x7a, 0x00, 0xff])],
    ['a one-item and an empty set', [new Set(['x']), new Set()]],
    ['a Date', new Date('2024-01-02T03:04:05.678Z')],
    ['a Datetime with nanoseconds', new Datetime('2024-01-02T03:04:05.123456789Z')],
    ['a Uuid', uuid],
    ['a Duration', new Duration('1y2w3d4h5m6s7ms8us9ns')],
    ['a Decimal', new Decimal('19.99')],
    ['a negative zero Decimal', new Decimal('-0.00')],
    ['record ids with odd keys', [new RecordId('person', 'tobie lee'), new RecordId('person', '123'), new RecordId('t', '_1'), new RecordId('t', 'a`b'), new RecordId('t', 'é')]],
    ['record ids with number, uuid, array and object keys', [new RecordId('t', -7), new RecordId('t', uuid), new RecordId('t', ['a', 1]), new RecordId('t', { b: 1, a: 'x' })]],
    ['a record id on an odd table', new RecordId('my table', 1)],
    ['ranges', [new Range(new BoundIncluded(1), new BoundIncluded(5)), new Range(new BoundExcluded('a'), undefined), new Range(undefined, new BoundExcluded(1.5))]],
    ['a record id range', new RecordIdRange('person', new BoundIncluded(1), new BoundExcluded(100))],
    ['points', [new GeometryPoint([1.5, -2]), new GeometryPoint([-0, 0])]],
    ['a line', new GeometryLine([new GeometryPoint([0, 0]), new GeometryPoint([1, 1])])],
    ['a file', new FileRef('bucket', '/dir/key.txt')],
  ])('%s', async (_, value) => {
    expect(toSurrealQL(value)).toBe(await enginePrint(value));
    const { parsed, bound } = await readBack(value);
    expect(parsed).toEqual(bound);
  });
});

describe('literals where the engine’s own print would not parse back', () => {
  it('a table is `type::table(...)`: the engine prints the bare name, which an expression reads as a field', async () => {
    expect(await enginePrint(new Table('person'))).toBe('person');
    const { parsed, parsedText, boundText } = await readBack([new Table('person'), new Table('select')]);
    expect(parsed).toEqual([new Table('person'), new Table('select')]);
    expect(parsedText).toBe(boundText);
  });

  it('a record id on a reserved-word table quotes the table: the engine prints `select:x`, a parse error', async () => {
    const id = new RecordId('select', 'x');
    expect(await enginePrint(id)).toBe('select:x');
    expect(id.toString()).toBe('`select`:x');
    expect((await readBack(id)).parsed).toEqual(id);
  });

  it('a set whose first item is a record id parenthesises it: the engine prints `{person:1, person:2}`, an object', async () => {
    const ids = new Set([new RecordId('person', 1), new RecordId('person', 2)]);
    expect(await enginePrint(ids)).toBe('{person:1, person:2}');
    expect(toSurrealQL(ids)).toBe('{(person:1), person:2}');
    expect((await readBack(ids)).parsed).toEqual(ids);
  });

  it('a float with a large exponent keeps it (`1e+300f`) where the engine writes out all 301 digits', async () => {
    expect(await enginePrint(1e300)).toMatch(/^10{300}f$/);
    const { parsedText, boundText } = await readBack([1e300, 5e-324, -1.7976931348623157e308]);
    expect(parsedText).toBe(boundText);
  });
});

describe('identifiers', () => {
  it.each(['select', 'VALUE', 'none', 'tb', 'function', 'if', 'and', 'order', 'type', 'id', 'é', '1a', 'a b', 'a`b', 'NaN', '_'])(
    'the table name %j is quoted as the engine quotes it',
    async (name) => {
      const [text] = await db.queryAll<[string]>('RETURN <string> $t', { t: new Table(name) });
      expect(escapeIdent(name)).toBe(text);
    },
  );

  it.each(['from', 'only', 'explain'])('the table name %j, which the engine prints bare, is quoted: statements read it as a keyword (`DELETE from`)', async (name) => {
    const [text] = await db.queryAll<[string]>('RETURN <string> $t', { t: new Table(name) });
    expect(text).toBe(name);
    expect(escapeIdent(name)).toBe(`\`${name}\``);
  });
});

const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[0-9a-z_]{0,4}$/));
const float = fc.oneof(fc.double(), fc.constantFrom(-0, Number.NaN, Infinity, -Infinity, 2 ** 53, 0.1));
const integer = fc.oneof(fc.integer(), fc.maxSafeInteger());
const bigint = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
const scalar = fc.oneof(fc.constant(null), fc.constant(undefined), fc.boolean(), integer, float, bigint, text, fc.uint8Array({ maxLength: 8 }));
const tableName = fc.oneof(fc.string({ minLength: 1 }), fc.constantFrom('select', 'value', 'person', '1a'));
const recordKey = fc.oneof(text, integer, fc.array(fc.oneof(text, integer), { maxLength: 3 }), fc.dictionary(fc.string(), fc.oneof(text, integer), { maxKeys: 3 }));
const bound = <T>(value: fc.Arbitrary<T>) => fc.option(fc.oneof(value.map((v) => new BoundIncluded(v)), value.map((v) => new BoundExcluded(v))), { nil: undefined });
const surrealValue = fc.oneof(
  fc.tuple(tableName, recordKey).map(([t, k]) => new RecordId(t, k)),
  fc.tuple(tableName, bound(integer), bound(text)).map(([t, b, e]) => new RecordIdRange(t, b as never, e as never)),
  tableName.map((name) => new Table(name)),
  fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => new Uuid(b)),
  fc.tuple(fc.integer({ min: -62_135_596_800, max: 253_402_300_799 }), fc.integer({ min: 0, max: 999_999_999 })).map(([s, ns]) => Datetime.fromEpoch(s, ns)),
  fc.tuple(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), fc.integer({ min: 0, max: 999_999_999 })).map(([s, ns]) => Duration.fromParts(s, ns)),
  fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.option(fc.stringMatching(/^[0-9]{1,10}$/))).map(([neg, whole, fraction]) => new Decimal(`${neg ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}`)),
  fc.tuple(bound(integer), bound(text)).map(([b, e]) => new Range(b, e)),
  fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true })).map(([x, y]) => new GeometryPoint([x, y])),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, surrealValue, tie('array'), tie('object'), tie('set')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
  set: fc.array(tie('value'), { maxLength: 3 }).map((items) => new Set(items)),
}));

describe('any value', () => {
  it('parses back from its literal to what the engine reads from the bound value', async () => {
    await fc.assert(
      fc.asyncProperty(value, async (v) => {
        const { parsed, bound, parsedText, boundText } = await readBack(v);
        expect(parsedText).toBe(boundText);
        expect(parsed).toEqual(bound);
      }),
      { numRuns: 300 },
    );
  });
});
