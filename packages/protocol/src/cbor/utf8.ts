/**
 * @module UTF-8 text to a string: short ASCII text by hand (TextDecoder's call costs more than
 * decoding a few dozen bytes), anything else through a strict TextDecoder, which refuses overlong
 * forms, surrogates, code points past U+10FFFF, stray or missing continuation bytes. A leading
 * U+FEFF is kept as text: CBOR text has no byte order mark to strip.
 */

/** ASCII text of at most this many bytes is decoded by hand. */
export const SHORT_TEXT = 32;
const textDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text in `input[start..end)`, or undefined when it is not valid UTF-8. */
export function utf8Text(input: Uint8Array, start: number, end: number): string | undefined {
  if (end - start > SHORT_TEXT) return decodeWithTextDecoder(input, start, end);
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
    if (a & 0x80) return decodeWithTextDecoder(input, start, end);
    text += String.fromCharCode(a);
  }
  return text;
}

function decodeWithTextDecoder(input: Uint8Array, start: number, end: number): string | undefined {
  try {
    return textDecoder.decode(input.subarray(start, end));
  } catch {
    return undefined;
  }
}
