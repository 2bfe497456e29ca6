/**
 * @module UTF-8 text to a string, by hand for short text (TextDecoder's call costs more than
 * decoding a few dozen bytes) and through TextDecoder beyond. Both are strict: overlong forms,
 * surrogates, code points past U+10FFFF, stray or missing continuation bytes are refused, and a
 * leading U+FEFF is kept as text (CBOR text has no byte order mark).
 */

/** Text of at most this many bytes is decoded by hand. */
export const SHORT_TEXT = 32;
const textDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** Code units of the non-ASCII part of the text being decoded, reused between calls. */
const units: number[] = [];

/** The text in `input[start..end)`, or undefined when it is not valid UTF-8. */
export function utf8Text(input: Uint8Array, start: number, end: number): string | undefined {
  if (end - start > SHORT_TEXT) {
    try {
      return textDecoder.decode(input.subarray(start, end));
    } catch {
      return undefined;
    }
  }
  // ASCII four bytes per `fromCharCode` (measured faster than one or eight), then the rest.
  let text = '';
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const a = input[i] as number;
    const b = input[i + 1] as number;
    const c = input[i + 2] as number;
    const d = input[i + 3] as number;
    if ((a | b | c | d) & 0x80) break;
    text += String.fromCharCode(a, b, c, d);
  }
  for (; i < end; i++) {
    const a = input[i] as number;
    if (a & 0x80) return nonAscii(input, i, end, text);
    text += String.fromCharCode(a);
  }
  return text;
}

/** `text` followed by the UTF-8 in `input[i..end)`, which holds a byte ≥ 0x80; undefined when invalid. */
function nonAscii(input: Uint8Array, i: number, end: number, text: string): string | undefined {
  units.length = 0;
  while (i < end) {
    const a = input[i++] as number;
    if (a < 0x80) {
      units.push(a);
      continue;
    }
    // The lead byte fixes the sequence's length and the range of its second byte (RFC 3629 §4).
    let size: number;
    let low = 0x80;
    let high = 0xbf;
    if (a >= 0xc2 && a <= 0xdf) size = 2;
    else if (a >= 0xe0 && a <= 0xef) {
      size = 3;
      if (a === 0xe0) low = 0xa0;
      else if (a === 0xed) high = 0x9f;
    } else if (a >= 0xf0 && a <= 0xf4) {
      size = 4;
      if (a === 0xf0) low = 0x90;
      else if (a === 0xf4) high = 0x8f;
    } else return undefined;
    if (i + size - 1 > end) return undefined;
    const b = input[i++] as number;
    if (b < low || b > high) return undefined;
    let codePoint = ((a & (0xff >> (size + 1))) << 6) | (b & 0x3f);
    for (let k = 2; k < size; k++) {
      const next = input[i++] as number;
      if ((next & 0xc0) !== 0x80) return undefined;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint > 0xffff) {
      codePoint -= 0x10000;
      units.push(0xd800 | (codePoint >> 10), 0xdc00 | (codePoint & 0x3ff));
    } else units.push(codePoint);
  }
  return text + String.fromCharCode.apply(null, units);
}
