/**
 * @module The CBOR codec on plain JS values: exact bytes where they matter, and what each
 * major type decodes to.
 */
import { describe, expect, it } from 'vitest';
import { CborError, Tagged, decode, encode } from '../src/codec.ts';
import { bytes, hex } from './fixtures/hex.ts';


describe('encode: integers use the shortest head', () => {
  it.each([
    [0, '00'],
    [23, '17'],
    [24, '1818'],
    [255, '18ff'],
    [256, '190100'],
    [65535, '19ffff'],
    [65536, '1a00010000'],
    [4294967295, '1affffffff'],
    [4294967296, '1b0000000100000000'],
    [Number.MAX_SAFE_INTEGER, '1b001fffffffffffff'],
    [-1, '20'],
    [-24, '37'],
    [-25, '3818'],
    [-256, '38ff'],
    [-257, '390100'],
    [Number.MIN_SAFE_INTEGER, '3b001ffffffffffffe'],
  ])('%d -> %s', (value, expected) => {
    expect(hex(encode(value))).toBe(expected);
    expect(decode(bytes(expected))).toBe(value);
  });
});

describe('encode: other numbers are float64', () => {
  it.each([
    [1.5, 'fb3ff8000000000000'],
    [-0, 'fb8000000000000000'],
    [Number.NaN, 'fb7ff8000000000000'],
    [Infinity, 'fb7ff0000000000000'],
    [-Infinity, 'fbfff0000000000000'],
    [2 ** 53, 'fb4340000000000000'],
  ])('%d -> %s', (value, expected) => {
    expect(hex(encode(value))).toBe(expected);
    expect(Object.is(decode(bytes(expected)), value)).toBe(true);
  });
});

describe('decode: half and single precision floats', () => {
  it.each([
    ['f90000', 0],
    ['f98000', -0],
    ['f93c00', 1],
    ['f93e00', 1.5],
    ['f97bff', 65504],
    ['f90001', 5.960464477539063e-8],
    ['f90400', 0.00006103515625],
    ['f9c400', -4],
    ['f97c00', Infinity],
    ['f9fc00', -Infinity],
    ['fa47c35000', 100000],
    ['fa7f7fffff', 3.4028234663852886e38],
    ['fa7f800000', Infinity],
  ])('%s -> %d', (input, expected) => {
    expect(Object.is(decode(bytes(input)), expected)).toBe(true);
  });

  it('decodes half and single precision NaN', () => {
    expect(decode(bytes('f97e00'))).toBeNaN();
    expect(decode(bytes('fa7fc00000'))).toBeNaN();
  });
});

describe('bigint', () => {
  it('encodes a bigint in the i64 range as a plain integer, up to both edges', () => {
    expect(hex(encode(1n))).toBe('01');
    expect(hex(encode(2n ** 63n - 1n))).toBe('1b7fffffffffffffff');
    expect(hex(encode(-(2n ** 63n)))).toBe('3b7fffffffffffffff');
  });

  it('decodes integers beyond 2^53 to bigint, smaller ones to number', () => {
    expect(decode(bytes('1bffffffffffffffff'))).toBe(2n ** 64n - 1n);
    expect(decode(bytes('1b0020000000000000'))).toBe(2n ** 53n);
    expect(decode(bytes('1b001fffffffffffff'))).toBe(Number.MAX_SAFE_INTEGER);
    expect(decode(bytes('3bffffffffffffffff'))).toBe(-(2n ** 64n));
    expect(decode(bytes('3b001fffffffffffff'))).toBe(-(2n ** 53n));
  });

  it('decodes an RFC 8949 bignum (tag 2 or 3) to a bigint', () => {
    expect(decode(bytes('c249010000000000000000'))).toBe(2n ** 64n);
    expect(decode(bytes('c349010000000000000000'))).toBe(-(2n ** 64n) - 1n);
  });
});

describe('simple values', () => {
  it('encodes false, true and null as single bytes', () => {
    expect(hex(encode(false))).toBe('f4');
    expect(hex(encode(true))).toBe('f5');
    expect(hex(encode(null))).toBe('f6');
  });

  it('encodes undefined as SurrealDB NONE (tag 6 around null)', () => {
    expect(hex(encode(undefined))).toBe('c6f6');
    expect(decode(bytes('c6f6'))).toBeUndefined();
  });

  it('decodes the CBOR undefined simple value to undefined too', () => {
    expect(decode(bytes('f7'))).toBeUndefined();
  });
});

describe('strings', () => {
  it('encodes ASCII and UTF-8 text', () => {
    expect(hex(encode(''))).toBe('60');
    expect(hex(encode('a'))).toBe('6161');
    expect(hex(encode('IETF'))).toBe('6449455446');
    expect(hex(encode('ü'))).toBe('62c3bc');
    expect(hex(encode('水'))).toBe('63e6b0b4');
    expect(hex(encode('𐅑'))).toBe('64f0908591');
  });

  it('round-trips strings at every header-size boundary, ASCII or not', () => {
    for (const length of [0, 23, 24, 31, 32, 33, 255, 256, 65535, 65536, 100_000]) {
      for (const unit of ['a', 'é', '水', '😀']) {
        const text = unit.repeat(length);
        const encoded = encode(text);
        expect(decode(encoded)).toBe(text);
      }
    }
  });

  it('keeps a leading U+FEFF (byte order mark) as part of the string, short or long', () => {
    for (const text of ['\uFEFF', '\uFEFFx', `\uFEFF${'x'.repeat(40)}`, `\uFEFF${'é'.repeat(40)}`]) expect(decode(encode(text))).toBe(text);
  });

  it('uses the shortest header even when the UTF-8 length guess was larger', () => {
    // 10 two-byte characters: 20 bytes, a one-byte header although 3 * 10 = 30 needs two.
    expect(hex(encode('é'.repeat(10)).subarray(0, 1))).toBe('74');
  });

  it('decodes indefinite-length text and bytes by joining their chunks', () => {
    expect(decode(bytes('7f657374726561646d696e67ff'))).toBe('streaming');
    expect(decode(bytes('5f42010243030405ff'))).toEqual(new Uint8Array([1, 2, 3, 4, 5]));
    expect(decode(bytes('7fff'))).toBe('');
  });
});

describe('bytes', () => {
  it('encodes Uint8Array and ArrayBuffer as a byte string', () => {
    expect(hex(encode(new Uint8Array([1, 2, 3])))).toBe('43010203');
    expect(hex(encode(new Uint8Array([1, 2]).buffer))).toBe('420102');
  });

  it('decodes to a copy that does not alias the input', () => {
    const input = bytes('43010203');
    const value = decode(input) as Uint8Array;
    input[1] = 9;
    expect(value).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('decodes a Uint8Array subclass whose slice is a view (like Node Buffer) to plain, independent copies', () => {
    class ViewSlicing extends Uint8Array {
      override slice(start?: number, end?: number): Uint8Array<ArrayBuffer> {
        return this.subarray(start, end);
      }
    }
    const input = new ViewSlicing(bytes('43010203'));
    const value = decode(input) as Uint8Array;
    input[1] = 9;
    expect(value).toStrictEqual(new Uint8Array([1, 2, 3]));
  });

  it('refuses other typed arrays rather than guessing a layout', () => {
    expect(() => encode(new Float32Array([1]))).toThrow(CborError);
  });
});

describe('arrays and maps', () => {
  it('encodes arrays and plain objects', () => {
    expect(hex(encode([1, [2, 3]]))).toBe('8201820203');
    expect(hex(encode({ a: 1, b: [2, 3] }))).toBe('a26161016162820203');
  });

  it('decodes indefinite-length arrays and maps', () => {
    expect(decode(bytes('9f018202039f0405ffff'))).toEqual([1, [2, 3], [4, 5]]);
    expect(decode(bytes('bf61610161629f0203ffff'))).toEqual({ a: 1, b: [2, 3] });
  });

  it('decodes a map with only string keys to a plain object', () => {
    const value = decode(bytes('a1616101'));
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it('decodes repeated and colliding keys correctly (keys are cached between maps)', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `k${i.toString(36)}é`.slice(0, 1 + (i % 20)));
    const rows = [0, 1].map((row) => Object.fromEntries(keys.map((k, i) => [k, i + row])));
    expect(decode(encode(rows))).toEqual(rows);
    expect(decode(encode({ ab: 1, ba: 2, ac: 3 }))).toEqual({ ab: 1, ba: 2, ac: 3 });
  });

  it('decodes a map with any other key to a Map', () => {
    const value = decode(bytes('a2616101020a')) as Map<unknown, unknown>;
    expect(value).toBeInstanceOf(Map);
    expect([...value]).toEqual([
      ['a', 1],
      [2, 10],
    ]);
  });

  it('keeps a __proto__ key as data, never as the prototype', () => {
    // {"__proto__": {"polluted": true}}
    const value = decode(bytes('a1695f5f70726f746f5f5fa168706f6c6c75746564f5')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect((value as { polluted?: unknown }).polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('encodes a Map with string keys as a CBOR map', () => {
    expect(hex(encode(new Map([['a', 1]])))).toBe('a1616101');
  });

  it('encodes a JS Set as SurrealDB tag 56 around an array, and decodes it back to a Set', () => {
    expect(hex(encode(new Set([1, 2])))).toBe('d838820102');
    expect(decode(bytes('d838820102'))).toEqual(new Set([1, 2]));
  });

  it('encodes an object property that is undefined as NONE', () => {
    expect(hex(encode({ a: undefined }))).toBe('a16161c6f6');
  });

  it('encodes a plain object from another realm (its Object.prototype is not ours)', () => {
    const foreign = Object.create(Object.create(null, { marker: { value: true } }), { a: { value: 1, enumerable: true } });
    expect(hex(encode(foreign))).toBe('a1616101');
  });
});

describe('Date', () => {
  it('encodes a JS Date as a SurrealDB datetime, tag 12 [seconds, nanoseconds]', () => {
    expect(hex(encode(new Date(1_500)))).toBe('cc82011a1dcd6500');
    // One millisecond before the epoch: second -1, nanosecond 999,000,000.
    expect(hex(encode(new Date(-1)))).toBe('cc82201a3b8b87c0');
  });

  it('refuses an invalid Date', () => {
    expect(() => encode(new Date(Number.NaN))).toThrow(CborError);
  });
});

describe('unknown tags', () => {
  it('decode to Tagged and encode back to the same bytes', () => {
    const value = decode(bytes('d9ffff8201f6'));
    expect(value).toBeInstanceOf(Tagged);
    expect(value).toEqual(new Tagged(0xffff, [1, null]));
    expect(hex(encode(value))).toBe('d9ffff8201f6');
  });
});

describe('re-entrant encode', () => {
  it('an encode run by a getter during another encode leaves the outer one intact', () => {
    const inner = {
      get nested() {
        return encode({ inner: 'x'.repeat(5000) });
      },
    };
    const decoded = decode(encode({ before: 1, inner, after: 'y'.repeat(300) }));
    expect(decoded).toEqual({ before: 1, inner: { nested: encode({ inner: 'x'.repeat(5000) }) }, after: 'y'.repeat(300) });
  });
});
