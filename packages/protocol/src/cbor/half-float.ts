/**
 * @module IEEE 754 half-precision (float16) decoding; DataView has no getFloat16 on Node 20.
 */

/** The number a 16-bit half-precision float encodes. */
export function decodeHalfFloat(half: number): number {
  const sign = half & 0x8000 ? -1 : 1;
  const exponent = (half >> 10) & 0x1f;
  const fraction = half & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : NaN;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}
