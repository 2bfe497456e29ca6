/**
 * @module Text strings through the decoder's two paths: ASCII of up to SHORT_TEXT bytes decoded by
 * hand, anything else by TextDecoder, with the same answers and the same refusals on both sides
 * of the line, and map keys served from the key cache.
 */
import { describe, expect, it } from 'vitest';
import { SHORT_TEXT } from '../src/cbor/utf8.ts';
import { CborError, decode, encode } from '../src/codec.ts';

/** A CBOR text string item whose content is `content`, with a 1- or 2-byte length head. */
function textItem(content: number[]): Uint8Array {
  const head = content.length < 24 ? [0x60 + content.length] : [0x78, content.length];
  return new Uint8Array([...head, ...content]);
}

const utf8 = (text: string) => [...new TextEncoder().encode(text)];

/** Each input padded with ASCII to just under, at, and just over the hand-decoded length. */
function aroundTheLine(content: number[]): number[][] {
  return [SHORT_TEXT - 1, SHORT_TEXT, SHORT_TEXT + 1].map((size) => [...Array(Math.max(0, size - content.length)).fill(0x61), ...content]);
}

describe('text decoding: short ASCII by hand, the rest through TextDecoder', () => {
  it('agrees with TextEncoder for ASCII, 2-, 3- and 4-byte characters at every length around the line', () => {
    for (const unit of ['a', 'é', 'ü', '水', '€', '😀', '𐅑']) {
      for (let length = 0; length <= SHORT_TEXT + 8; length++) {
        const text = unit.repeat(length);
        expect(decode(encode(text))).toBe(text);
      }
    }
  });

  it('decodes characters outside the BMP to surrogate pairs, after and between ASCII', () => {
    const text = 'ab😀c𝄞';
    const decoded = decode(textItem(utf8(text))) as string;
    expect(decoded).toBe(text);
    expect([...decoded].map((c) => c.codePointAt(0))).toEqual([0x61, 0x62, 0x1f600, 0x63, 0x1d11e]);
    expect(decoded.charCodeAt(2)).toBe(0xd83d);
    expect(decoded.charCodeAt(3)).toBe(0xde00);
  });

  it('decodes the edges of each sequence length: U+0080, U+07FF, U+0800, U+FFFF, U+10000, U+10FFFF', () => {
    const text = String.fromCodePoint(0x80, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xffff, 0x10000, 0x10ffff);
    for (const content of [utf8(text), ...aroundTheLine(utf8(text))]) {
      expect(decode(textItem(content))).toBe(new TextDecoder().decode(new Uint8Array(content)));
    }
  });

  it('keeps a leading U+FEFF: CBOR text has no byte order mark to strip', () => {
    for (const content of [utf8('\ufeffhi'), ...aroundTheLine(utf8('x')).map((c) => [...utf8('\ufeff'), ...c])]) {
      expect((decode(textItem(content)) as string).charCodeAt(0)).toBe(0xfeff);
    }
  });

  it.each([
    ['a stray continuation byte', [0x80]],
    ['an overlong 2-byte form of "/"', [0xc0, 0xaf]],
    ['the overlong lead 0xC1', [0xc1, 0xbf]],
    ['an overlong 3-byte form', [0xe0, 0x80, 0xaf]],
    ['an encoded surrogate (U+D800)', [0xed, 0xa0, 0x80]],
    ['an overlong 4-byte form', [0xf0, 0x80, 0x80, 0xaf]],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['the lead byte 0xF5', [0xf5, 0x80, 0x80, 0x80]],
    ['0xFF', [0xff]],
    ['a 2-byte sequence cut short', [0xc3]],
    ['a 3-byte sequence cut short', [0xe6, 0xb0]],
    ['a 4-byte sequence cut short', [0xf0, 0x9f, 0x98]],
    ['a missing continuation byte', [0xe6, 0x61, 0xb4]],
  ])('refuses %s with a CborError at the string, on both paths', (_, bad) => {
    for (const content of [bad, ...aroundTheLine(bad)]) {
      const input = new Uint8Array([0x82, 0x01, ...textItem(content)]);
      let error: unknown;
      try {
        decode(input);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(CborError);
      expect((error as CborError).message).toMatch(/Invalid UTF-8/);
      expect((error as CborError).offset).toBe(2);
    }
  });
});

describe('the map key cache', () => {
  it('never answers a non-ASCII key with a cached key whose char codes equal its bytes', () => {
    // "Ã¼" is U+00C3 U+00BC: char codes equal to the two UTF-8 bytes of "ü".
    expect(decode(encode([{ 'Ã¼': 1 }, { ü: 2 }, { 'Ã¼': 3 }]))).toEqual([{ 'Ã¼': 1 }, { ü: 2 }, { 'Ã¼': 3 }]);
  });

  it('tells apart keys of one length that share their first, middle and last bytes', () => {
    const rows = [{ abxyc: 1, abzyc: 2, aazcc: 3 }, { abzyc: 4, abxyc: 5, aazcc: 6 }];
    expect(decode(encode(rows))).toEqual(rows);
  });
});
