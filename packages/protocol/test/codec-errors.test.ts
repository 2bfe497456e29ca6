/**
 * @module Malformed CBOR: every case throws a CborError naming the byte offset, promptly and
 * without allocating more than the input justifies.
 */
import { describe, expect, it } from 'vitest';
import { CborError, decode, encode } from '../src/codec.ts';
import { MAX_DEPTH } from '../src/cbor/decoder.ts';
import { bytes } from './fixtures/hex.ts';

function decodeError(input: Uint8Array): CborError {
  try {
    decode(input);
  } catch (error) {
    expect(error).toBeInstanceOf(CborError);
    return error as CborError;
  }
  throw new Error('decode accepted malformed input');
}

describe('truncated input', () => {
  it('empty input', () => {
    expect(decodeError(new Uint8Array()).offset).toBe(0);
  });

  it.each([
    ['a 2-byte integer with 1 byte', '1901', 1],
    ['a 64-bit integer with 7 bytes', '1b00000000000000', 1],
    ['a float64 with 4 bytes', 'fb3ff80000', 1],
    ['a half float with 1 byte', 'f93c', 1],
    ['an array whose last item is cut short', '82011901', 3],
    ['a map missing a value', 'a1616101a1', 4],
    ['an indefinite array with no break', '9f0102', 3],
    ['an indefinite string with no break', '7f6161', 3],
    ['a tag with no content', 'c8', 1],
  ])('%s', (_, input, offset) => {
    expect(decodeError(bytes(input)).offset).toBe(offset);
  });

  it('every prefix of a valid message fails instead of returning a partial value', () => {
    const message = encode({ id: 1, method: 'query', params: ['SELECT * FROM $x', { x: [1.5, 'é', new Set([2n ** 60n])] }] });
    for (let length = 0; length < message.length; length++) {
      expect(() => decode(message.subarray(0, length))).toThrow(CborError);
    }
  });
});

describe('declared lengths larger than the input', () => {
  it.each([
    ['a byte string of 2^32 - 1 bytes', '5affffffff'],
    ['a text string of 2^64 - 1 bytes', '7bffffffffffffffff'],
    ['an array of 2^32 - 1 items', '9affffffff'],
    ['a map of 2^31 entries', 'ba80000000'],
    ['an array of 5 items in 4 bytes', '8501020304'],
    ['a map of 2 entries with 3 bytes left', 'a2010203'],
    ['a chunk of an indefinite byte string', '5f5affffffffff'],
  ])('%s is rejected before anything is allocated', (_, input) => {
    const error = decodeError(bytes(input));
    expect(error.message).toMatch(/exceeds|end of input/);
  });

  it('a huge declared array length points at the array head', () => {
    expect(decodeError(bytes('82019bffffffffffffffff')).offset).toBe(2);
  });
});

describe('nesting', () => {
  it(`arrays nested deeper than ${MAX_DEPTH} levels`, () => {
    const input = new Uint8Array(100_000).fill(0x81);
    expect(decodeError(input).offset).toBe(MAX_DEPTH);
  });

  it('tags nested deeper than the limit', () => {
    const input = new Uint8Array(100_000).fill(0xd9).map((b, i) => (i % 3 === 0 ? 0xd9 : 0xff));
    expect(decodeError(input).message).toMatch(/Nesting deeper/);
  });

  it(`exactly ${MAX_DEPTH} levels are fine`, () => {
    const input = new Uint8Array(MAX_DEPTH + 1).fill(0x81);
    input[MAX_DEPTH] = 0x00;
    expect(() => decode(input)).not.toThrow();
  });
});

describe('structurally invalid items', () => {
  it.each([
    ['reserved additional info 28 in an integer', '1c', 0],
    ['reserved additional info 29 in a text string', '7d', 0],
    ['reserved additional info 30 in a simple value', 'fe', 0],
    ['a break outside an indefinite item', 'ff', 0],
    ['a break as an array item', '8201ff', 2],
    ['an indefinite-length integer', '1f', 0],
    ['an indefinite-length negative integer', '3f', 0],
    ['an indefinite-length tag', 'df', 0],
    ['a text chunk inside an indefinite byte string', '5f6161ff', 1],
    ['an indefinite chunk inside an indefinite text string', '7f7f6161ffff', 1],
    ['invalid UTF-8', '62c328', 0],
    ['invalid UTF-8 in a short string', '61ff', 0],
    ['an unassigned simple value', 'e0', 0],
    ['a two-byte simple value', 'f820', 0],
    ['a tag number beyond 2^53', 'dbffffffffffffffff00', 0],
  ])('%s', (_, input, offset) => {
    expect(decodeError(bytes(input)).offset).toBe(offset);
  });
});

describe('trailing bytes', () => {
  it('after a complete item are rejected at the first extra byte', () => {
    const error = decodeError(bytes('0102'));
    expect(error.offset).toBe(1);
    expect(error.message).toMatch(/trailing/);
  });
});

describe('CborError', () => {
  it('carries its offset in the message and is an Error', () => {
    const error = decodeError(bytes('82011901'));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CborError');
    expect(error.message).toContain('at byte 3');
  });

  it('decode rejects input that is not a Uint8Array', () => {
    expect(() => decode('a1' as never)).toThrow(TypeError);
  });
});

describe('random garbage', () => {
  it('never hangs or throws anything but CborError', () => {
    let seed = 1;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
      return seed >> 16;
    };
    for (let run = 0; run < 20_000; run++) {
      const input = Uint8Array.from({ length: 1 + (random() % 24) }, () => random() & 0xff);
      try {
        decode(input);
      } catch (error) {
        expect(error).toBeInstanceOf(CborError);
      }
    }
  });
});
