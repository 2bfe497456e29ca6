/**
 * @module Bytes to and from hexadecimal text: UUIDs, byte string literals, bignums.
 */

/** Lowercase hex, two digits per byte. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => (b + 0x100).toString(16).slice(1)).join('');
}

/** The bytes of hex text of even length (not validated: callers check the text first). */
export function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}
