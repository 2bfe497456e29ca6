/**
 * @module Builds CBOR response envelopes around the engine's reply bytes without decoding them:
 * the engine answers with a bare result or `{error}`, and the wire wants `{id, result}` /
 * `{id, error}`. Splicing keeps the engine's exact encoding and costs no decode of large results.
 */

// CBOR: map(2), text "id" / "result" / "error".
const MAP2 = 0xa2;
const MAP1 = 0xa1;
const KEY_ID = Uint8Array.of(0x62, 0x69, 0x64);
const KEY_RESULT = Uint8Array.of(0x66, 0x72, 0x65, 0x73, 0x75, 0x6c, 0x74);

/** `{id, result}` (or `{result}` when the request had no id) from the engine's bare result bytes. */
export function resultFrame(id: Uint8Array | undefined, result: Uint8Array): Uint8Array {
  return id ? concat([MAP2], KEY_ID, id, KEY_RESULT, result) : concat([MAP1], KEY_RESULT, result);
}

/** `{id, error}` from the engine's `{error}` reply: the same map with the id pair in front. */
export function errorFrame(id: Uint8Array | undefined, errorReply: Uint8Array): Uint8Array {
  return id ? concat([MAP2], KEY_ID, id, errorReply.subarray(1)) : errorReply;
}

function concat(...parts: ArrayLike<number>[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
