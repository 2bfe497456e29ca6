/**
 * Hostile bytes for the CBOR decoder: random inputs from fast-check and mutations of real frames
 * (requests and replies with every SurrealDB tag). Whatever the input, `decode` returns a value or
 * throws a `CborError` — no other exception, no hang, and no memory kept afterwards.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  CborError,
  BoundExcluded,
  BoundIncluded,
  Datetime,
  Decimal,
  Duration,
  FileRef,
  GeometryPoint,
  GeometryPolygon,
  GeometryLine,
  RecordId,
  RecordIdRange,
  Table,
  Uuid,
  decode,
  encode,
} from '@sdb/protocol';
import { recordFigures } from './support/figures.ts';
import { heapAfterGc } from './support/heap.ts';
import { scaled } from './support/scale.ts';

const INPUTS = scaled(50_000, 1_000_000);

/** Real frames as the client and the server send them, every tag SurrealDB uses among them. */
const REAL_FRAMES: Uint8Array[] = [
  encode({ id: 1, method: 'query', params: ['SELECT * FROM $p0 WHERE age > $p1', { p0: new Table('person'), p1: 18 }] }),
  encode({ id: '7', method: 'create', params: [new RecordId('person', 'ann'), { name: 'Ann', tags: ['a', 'b'], at: new Datetime('2026-01-02T03:04:05.123456789Z') }] }),
  encode({ id: 3, result: [{ status: 'OK', time: '1.2ms', result: [{ id: new RecordId('person', ['a', 1]), score: new Decimal('12.50'), took: new Duration('1h2m3s') }] }] }),
  encode({ id: 4, error: { code: -32000, message: 'There was a problem with the database', kind: 'Query', details: { table: 'x' } } }),
  encode({ result: { id: new Uuid('0190d6a2-63e1-7000-8000-000000000001'), action: 'UPDATE', record: new RecordId('t', 1n), result: { big: 2n ** 62n, f: 1.5, none: undefined, nil: null } } }),
  encode({ id: 5, result: { range: new RecordIdRange("t", new BoundIncluded(1), new BoundExcluded(10)), file: new FileRef('bucket', '/a/b.txt'), set: new Set([1, 2]), map: new Map([['k', 'v']]) } }),
  encode({ id: 6, result: { point: new GeometryPoint([1.5, 2.5]), line: new GeometryLine([new GeometryPoint([0, 0]), new GeometryPoint([1, 1])]), bytes: new Uint8Array([1, 2, 3]) } }),
  encode({ id: 8, result: new GeometryPolygon([new GeometryLine([new GeometryPoint([0, 0]), new GeometryPoint([0, 1]), new GeometryPoint([1, 1]), new GeometryPoint([0, 0])])]) }),
];

/** One random edit of a real frame: a byte changed, bytes inserted or removed, or the frame cut short. */
const mutatedFrame = fc
  .record({
    frame: fc.constantFrom(...REAL_FRAMES),
    edits: fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant('set' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
        fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 9 }) }),
        fc.record({ kind: fc.constant('remove' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
        fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ frame, edits }) => {
    let bytes = [...frame];
    for (const edit of edits) {
      const at = bytes.length === 0 ? 0 : edit.at % bytes.length;
      if (edit.kind === 'set') bytes[at] = edit.byte;
      else if (edit.kind === 'insert') bytes.splice(at, 0, ...edit.bytes);
      else if (edit.kind === 'remove') bytes.splice(at, edit.count);
      else bytes = bytes.slice(0, at);
    }
    return Uint8Array.from(bytes);
  });

/** Small headers that announce huge or endless items: what a decoder that trusts lengths would allocate for. */
const hostileHeader = fc.constantFrom(
  Uint8Array.from([0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), // array of 2^64-1 items
  Uint8Array.from([0xbb, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), // map of 2^63-1 pairs
  Uint8Array.from([0x5a, 0xff, 0xff, 0xff, 0xff]), // byte string of 4 GiB
  Uint8Array.from([0x7a, 0x7f, 0xff, 0xff, 0xff, 0x61]), // text string of 2 GiB
  Uint8Array.from(new Array<number>(100_000).fill(0x81)), // arrays nested 100,000 deep
  Uint8Array.from(new Array<number>(100_000).fill(0xc8)), // tags nested 100,000 deep
  Uint8Array.from([0x9f, ...new Array<number>(1_000).fill(0x9f)]), // indefinite arrays never closed
  Uint8Array.from([0xff]), // a lone break
);

const anyInput = fc.oneof(
  { weight: 4, arbitrary: mutatedFrame },
  { weight: 4, arbitrary: fc.uint8Array({ maxLength: 64 }) },
  { weight: 1, arbitrary: hostileHeader },
);

interface Outcome {
  inputs: number;
  decoded: number;
  refused: number;
  slowestMs: number;
}

/** Decodes each input; anything thrown that is not a CborError fails the property (and so the test). */
function fuzz(runs: number): Outcome {
  const outcome: Outcome = { inputs: 0, decoded: 0, refused: 0, slowestMs: 0 };
  fc.assert(
    fc.property(anyInput, (input) => {
      outcome.inputs++;
      const started = performance.now();
      try {
        decode(input);
        outcome.decoded++;
      } catch (error) {
        if (!(error instanceof CborError)) throw error;
        outcome.refused++;
      }
      outcome.slowestMs = Math.max(outcome.slowestMs, performance.now() - started);
    }),
    { numRuns: runs },
  );
  return outcome;
}

test('every real frame decodes back to the value it was encoded from (the mutations start from valid input)', () => {
  for (const frame of REAL_FRAMES) expect(encode(decode(frame))).toEqual(frame);
});

test(`${INPUTS.toLocaleString('en-US')} hostile inputs: only CborError escapes, none takes more than a second, and no memory stays behind`, () => {
  fuzz(2_000); // warm-up, so the heap baseline includes the decoder's caches
  const before = heapAfterGc();
  const outcome = fuzz(INPUTS);
  const grownBy = heapAfterGc() - before;

  expect(outcome.inputs).toBe(INPUTS);
  expect(outcome.decoded + outcome.refused).toBe(INPUTS);
  expect(outcome.refused).toBeGreaterThan(INPUTS / 2);
  expect(outcome.slowestMs).toBeLessThan(1_000);
  expect(grownBy).toBeLessThan(Math.max(before * 0.1, 4 * 1024 * 1024));
  recordFigures('cbor-fuzz', {
    'inputs fuzzed': outcome.inputs,
    'decoded to a value': outcome.decoded,
    'refused with CborError': outcome.refused,
    'other exceptions': 0,
    'slowest decode (ms)': Number(outcome.slowestMs.toFixed(2)),
    'heap change after GC (KiB)': Math.round(grownBy / 1024),
  });
});
