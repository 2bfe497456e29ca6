/**
 * @module CBOR encoder: JS values and the SurrealDB value classes to bytes, written into one
 * growable buffer through a DataView.
 */
import { CborError } from './cbor-error.ts';
import {
  TAG_BIGNUM_NEGATIVE,
  TAG_BIGNUM_POSITIVE,
  TAG_DATETIME,
  TAG_NONE,
  TAG_SET,
  cborTag,
  cborValue,
  type CborTaggable,
} from './tags.ts';

/** Deeper than this is almost certainly a cycle; fail with a CborError rather than a stack overflow. */
const MAX_DEPTH = 512;
const MAX_UINT64 = 0xffff_ffff_ffff_ffffn;
const textEncoder = new TextEncoder();

/**
 * A buffer left over by the previous `encode` call, reused so small messages do not allocate
 * a fresh backing store each time. Taken (set to null) while in use, so a re-entrant call
 * simply allocates its own.
 */
let spare: Uint8Array | null = null;

/** Encodes `value` as one CBOR data item. JS `undefined` becomes SurrealDB NONE (tag 6). */
export function encode(value: unknown): Uint8Array {
  const buffer = spare ?? new Uint8Array(4096);
  spare = null;
  const encoder = new Encoder(buffer);
  try {
    encoder.item(value, 0);
    return encoder.buffer.slice(0, encoder.pos);
  } finally {
    // Keep at most 1 MiB around between calls.
    if (encoder.buffer.length <= 1 << 20) spare = encoder.buffer;
  }
}

class Encoder {
  buffer: Uint8Array;
  view: DataView;
  pos = 0;

  constructor(buffer: Uint8Array) {
    this.buffer = buffer;
    this.view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }

  /** Makes room for `n` more bytes. */
  ensure(n: number): void {
    const needed = this.pos + n;
    if (needed <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < needed) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.pos));
    this.buffer = grown;
    this.view = new DataView(grown.buffer);
  }

  /** Writes a major type with its argument in the shortest form. */
  head(major: number, n: number): void {
    const m = major << 5;
    if (n < 24) {
      this.ensure(1);
      this.buffer[this.pos++] = m | n;
    } else if (n < 0x100) {
      this.ensure(2);
      this.buffer[this.pos++] = m | 24;
      this.buffer[this.pos++] = n;
    } else if (n < 0x10000) {
      this.ensure(3);
      this.buffer[this.pos++] = m | 25;
      this.view.setUint16(this.pos, n);
      this.pos += 2;
    } else if (n < 0x1_0000_0000) {
      this.ensure(5);
      this.buffer[this.pos++] = m | 26;
      this.view.setUint32(this.pos, n);
      this.pos += 4;
    } else {
      this.ensure(9);
      this.buffer[this.pos++] = m | 27;
      this.view.setUint32(this.pos, Math.floor(n / 0x1_0000_0000));
      this.view.setUint32(this.pos + 4, n >>> 0);
      this.pos += 8;
    }
  }

  item(value: unknown, depth: number): void {
    switch (typeof value) {
      case 'string':
        return this.string(value);
      case 'number':
        return this.number(value);
      case 'boolean':
        this.ensure(1);
        this.buffer[this.pos++] = value ? 0xf5 : 0xf4;
        return;
      case 'undefined':
        this.ensure(2);
        this.buffer[this.pos++] = 0xc0 | TAG_NONE;
        this.buffer[this.pos++] = 0xf6;
        return;
      case 'bigint':
        return this.bigint(value);
      case 'object':
        if (value === null) {
          this.ensure(1);
          this.buffer[this.pos++] = 0xf6;
          return;
        }
        if (depth >= MAX_DEPTH) throw new CborError(`Value nested deeper than ${MAX_DEPTH} levels (a cycle?)`, this.pos);
        return this.object(value, depth + 1);
      default:
        throw new CborError(`Cannot encode a ${typeof value}`, this.pos);
    }
  }

  number(value: number): void {
    if (Number.isSafeInteger(value) && !Object.is(value, -0)) {
      if (value >= 0) this.head(0, value);
      else this.head(1, -1 - value);
      return;
    }
    this.ensure(9);
    this.buffer[this.pos++] = 0xfb;
    this.view.setFloat64(this.pos, value);
    this.pos += 8;
  }

  bigint(value: bigint): void {
    if (value >= 0n ? value <= MAX_UINT64 : -1n - value <= MAX_UINT64) {
      const major = value >= 0n ? 0 : 1;
      const n = value >= 0n ? value : -1n - value;
      if (n <= BigInt(Number.MAX_SAFE_INTEGER)) return this.head(major, Number(n));
      this.ensure(9);
      this.buffer[this.pos++] = (major << 5) | 27;
      this.view.setBigUint64(this.pos, n);
      this.pos += 8;
      return;
    }
    // Beyond 64 bits: an RFC 8949 bignum (tag 2 or 3 around the big-endian magnitude).
    const negative = value < 0n;
    let hex = (negative ? -1n - value : value).toString(16);
    if (hex.length % 2) hex = `0${hex}`;
    const bytes = new Uint8Array(hex.length / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    this.head(6, negative ? TAG_BIGNUM_NEGATIVE : TAG_BIGNUM_POSITIVE);
    this.bytes(bytes);
  }

  string(value: string): void {
    const length = value.length;
    // ASCII fast path for short strings: one header byte (or two) and a byte per char.
    if (length < 0x100) {
      this.ensure(length + 2);
      const start = this.pos;
      let p = start + (length < 24 ? 1 : 2);
      const buffer = this.buffer;
      let i = 0;
      for (; i < length; i++) {
        const c = value.charCodeAt(i);
        if (c >= 0x80) break;
        buffer[p++] = c;
      }
      if (i === length) {
        if (length < 24) buffer[start] = 0x60 | length;
        else {
          buffer[start] = 0x78;
          buffer[start + 1] = length;
        }
        this.pos = p;
        return;
      }
    }
    // General path: reserve a header sized for the worst case (3 UTF-8 bytes per UTF-16 unit),
    // encode in place, then close the gap if the real length needs a shorter header.
    const maxBytes = length * 3;
    const reserved = headSize(maxBytes);
    this.ensure(reserved + maxBytes);
    const start = this.pos;
    const { written } = textEncoder.encodeInto(value, this.buffer.subarray(start + reserved));
    const actual = headSize(written);
    if (actual < reserved) this.buffer.copyWithin(start + actual, start + reserved, start + reserved + written);
    this.head(3, written);
    this.pos = start + actual + written;
  }

  bytes(value: Uint8Array): void {
    this.head(2, value.length);
    this.ensure(value.length);
    this.buffer.set(value, this.pos);
    this.pos += value.length;
  }

  object(value: object, depth: number): void {
    if (Array.isArray(value)) {
      this.head(4, value.length);
      for (let i = 0; i < value.length; i++) this.item(value[i], depth);
      return;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) return this.map(value as Record<string, unknown>, depth);
    const tag = (value as Partial<CborTaggable>)[cborTag];
    if (tag !== undefined) {
      this.head(6, tag);
      this.item((value as CborTaggable)[cborValue](), depth);
      return;
    }
    if (value instanceof Uint8Array) return this.bytes(value);
    if (value instanceof Map) {
      this.head(5, value.size);
      for (const [k, v] of value) {
        this.item(k, depth);
        this.item(v, depth);
      }
      return;
    }
    if (value instanceof Set) {
      this.head(6, TAG_SET);
      this.head(4, value.size);
      for (const v of value) this.item(v, depth);
      return;
    }
    if (value instanceof Date) return this.date(value);
    if (value instanceof ArrayBuffer) return this.bytes(new Uint8Array(value));
    if (ArrayBuffer.isView(value)) {
      throw new CborError(`Cannot encode a ${value.constructor.name}; pass a Uint8Array or an array of numbers`, this.pos);
    }
    // Any other class instance: its own enumerable properties, as JSON would.
    this.map(value as Record<string, unknown>, depth);
  }

  map(value: Record<string, unknown>, depth: number): void {
    const keys = Object.keys(value);
    this.head(5, keys.length);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      this.string(key);
      this.item(value[key], depth);
    }
  }

  /** A JS Date travels as a SurrealDB datetime: tag 12 `[seconds, nanoseconds]`. */
  date(value: Date): void {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new CborError('Cannot encode an invalid Date', this.pos);
    const seconds = Math.floor(ms / 1000);
    this.head(6, TAG_DATETIME);
    this.head(4, 2);
    this.number(seconds);
    this.number((ms - seconds * 1000) * 1_000_000);
  }
}

function headSize(n: number): number {
  return n < 24 ? 1 : n < 0x100 ? 2 : n < 0x10000 ? 3 : n < 0x1_0000_0000 ? 5 : 9;
}
