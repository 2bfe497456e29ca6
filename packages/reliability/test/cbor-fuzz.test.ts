/**
 * Hostile bytes for the CBOR decoder: random inputs from fast-check and mutations of real frames
 * (requests and replies with every SurrealDB tag). Whatever the input, `decode` returns a value or
 * throws a `CborError` — no other exception, no hang, and no memory kept afterwards.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { CborError, decode, encode } from '@sdb/protocol';
import { REAL_FRAMES, mutatedFrame } from './support/frames.ts';
import { recordFigures } from './support/figures.ts';
import { heapAfterGc } from './support/heap.ts';
import { scaled } from './support/scale.ts';

const INPUTS = scaled(50_000, 1_000_000);

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
