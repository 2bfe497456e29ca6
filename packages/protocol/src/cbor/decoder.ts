/**
 * @module CBOR decoder: bytes to JS values and the SurrealDB value classes, reading through a
 * DataView. Every length is checked against the bytes that remain, nesting is capped, and any
 * malformed input throws a CborError with the offending byte offset.
 */
import { CborError } from './cbor-error.ts';
import { decodeHalfFloat } from './half-float.ts';
import { decodeTag } from './tag-values.ts';

/** Deepest nesting of arrays, maps and tags accepted; deeper input is rejected, not recursed into. */
export const MAX_DEPTH = 256;
/** Strings at most this long are decoded by hand when ASCII, skipping TextDecoder's call overhead. */
const SHORT_STRING = 32;
const BREAK = 0xff;
/** Slots of the map key cache (a power of two); a slot holds a key's UTF-8 bytes and its string. */
const KEY_CACHE_SIZE = 512;
const keyBytes: (Uint8Array | undefined)[] = new Array(KEY_CACHE_SIZE);
const keyText: string[] = new Array(KEY_CACHE_SIZE);
const textDecoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes exactly one CBOR data item that spans all of `bytes`. */
export function decode(bytes: Uint8Array): unknown {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('decode expects a Uint8Array');
  // A subclass such as Node's Buffer may make `slice` a view; read through a plain Uint8Array so
  // decoded byte strings are always independent copies.
  const input = bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new Decoder(input);
  const value = decoder.item(0);
  if (decoder.pos !== bytes.length) throw new CborError(`${bytes.length - decoder.pos} trailing bytes after the CBOR item`, decoder.pos);
  return value;
}

class Decoder {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  pos = 0;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Throws unless `n` more bytes are available at the current position. */
  need(n: number): void {
    if (this.pos + n > this.bytes.length) throw new CborError('Unexpected end of input', this.pos);
  }

  /**
   * Reads the argument that follows an initial byte with additional info `info` (24..27).
   * 64-bit values beyond 2^53 come back as bigint.
   */
  argument(info: number, start: number): number | bigint {
    if (info < 24) return info;
    switch (info) {
      case 24:
        this.need(1);
        return this.bytes[this.pos++] as number;
      case 25: {
        this.need(2);
        const n = this.view.getUint16(this.pos);
        this.pos += 2;
        return n;
      }
      case 26: {
        this.need(4);
        const n = this.view.getUint32(this.pos);
        this.pos += 4;
        return n;
      }
      case 27: {
        this.need(8);
        const high = this.view.getUint32(this.pos);
        const low = this.view.getUint32(this.pos + 4);
        this.pos += 8;
        if (high < 0x200000) return high * 0x1_0000_0000 + low;
        return (BigInt(high) << 32n) | BigInt(low);
      }
      default:
        throw new CborError(`Reserved additional information ${info}`, start);
    }
  }

  /**
   * Reads a length argument and checks it against the remaining input, given that every
   * counted unit takes at least `unitSize` bytes; this bounds every allocation by the input.
   */
  length(info: number, start: number, unitSize: number): number {
    const n = this.argument(info, start);
    if (typeof n === 'bigint' || n * unitSize > this.bytes.length - this.pos) {
      throw new CborError(`Declared length ${n} exceeds the ${this.bytes.length - this.pos} bytes that remain`, start);
    }
    return n;
  }

  item(depth: number): unknown {
    this.need(1);
    const start = this.pos;
    const initial = this.bytes[this.pos++] as number;
    const major = initial >> 5;
    const info = initial & 0x1f;
    switch (major) {
      case 0: {
        if (info === 31) throw new CborError('Indefinite length is not allowed for an integer', start);
        return this.argument(info, start);
      }
      case 1: {
        if (info === 31) throw new CborError('Indefinite length is not allowed for an integer', start);
        const n = this.argument(info, start);
        if (typeof n === 'bigint') return -1n - n;
        return n < Number.MAX_SAFE_INTEGER ? -1 - n : -1n - BigInt(n);
      }
      case 2:
        return info === 31 ? this.indefiniteBytes() : this.byteString(this.length(info, start, 1));
      case 3:
        return info === 31 ? this.indefiniteText(start) : this.textString(this.length(info, start, 1), start);
      case 4:
        if (depth >= MAX_DEPTH) throw new CborError(`Nesting deeper than ${MAX_DEPTH} levels`, start);
        return this.array(info, start, depth + 1);
      case 5:
        if (depth >= MAX_DEPTH) throw new CborError(`Nesting deeper than ${MAX_DEPTH} levels`, start);
        return this.map(info, start, depth + 1);
      case 6: {
        if (info === 31) throw new CborError('Indefinite length is not allowed for a tag', start);
        if (depth >= MAX_DEPTH) throw new CborError(`Nesting deeper than ${MAX_DEPTH} levels`, start);
        const tag = this.argument(info, start);
        if (typeof tag === 'bigint') throw new CborError(`Tag number ${tag} is too large`, start);
        return decodeTag(tag, this.item(depth + 1), start);
      }
      default:
        return this.simple(info, start);
    }
  }

  simple(info: number, start: number): unknown {
    switch (info) {
      case 20:
        return false;
      case 21:
        return true;
      case 22:
        return null;
      case 23:
        return undefined;
      case 25: {
        this.need(2);
        const value = decodeHalfFloat(this.view.getUint16(this.pos));
        this.pos += 2;
        return value;
      }
      case 26: {
        this.need(4);
        const value = this.view.getFloat32(this.pos);
        this.pos += 4;
        return value;
      }
      case 27: {
        this.need(8);
        const value = this.view.getFloat64(this.pos);
        this.pos += 8;
        return value;
      }
      case 31:
        throw new CborError('Unexpected break outside an indefinite-length item', start);
      case 28:
      case 29:
      case 30:
        throw new CborError(`Reserved additional information ${info}`, start);
      default:
        throw new CborError(`Unsupported simple value ${info === 24 ? this.bytes[this.pos] : info}`, start);
    }
  }

  byteString(length: number): Uint8Array {
    const value = this.bytes.slice(this.pos, this.pos + length);
    this.pos += length;
    return value;
  }

  textString(length: number, start: number): string {
    const bytes = this.bytes;
    const end = this.pos + length;
    if (length <= SHORT_STRING) {
      const value = shortAscii(bytes, this.pos, length);
      if (value !== undefined) {
        this.pos = end;
        return value;
      }
    }
    try {
      const value = textDecoder.decode(bytes.subarray(this.pos, end));
      this.pos = end;
      return value;
    } catch {
      throw new CborError('Invalid UTF-8 in a text string', start);
    }
  }

  /** The chunks of an indefinite-length string: definite strings of the same major type, then a break. */
  chunks(major: number): Uint8Array[] {
    const chunks: Uint8Array[] = [];
    for (;;) {
      this.need(1);
      const chunkStart = this.pos;
      const initial = this.bytes[this.pos++] as number;
      if (initial === BREAK) return chunks;
      const info = initial & 0x1f;
      if (initial >> 5 !== major || info === 31) {
        throw new CborError('An indefinite-length string chunk must be a definite string of the same type', chunkStart);
      }
      chunks.push(this.byteString(this.length(info, chunkStart, 1)));
    }
  }

  indefiniteBytes(): Uint8Array {
    const chunks = this.chunks(2);
    let total = 0;
    for (const chunk of chunks) total += chunk.length;
    const value = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      value.set(chunk, offset);
      offset += chunk.length;
    }
    return value;
  }

  indefiniteText(start: number): string {
    let value = '';
    for (const chunk of this.chunks(3)) {
      try {
        value += textDecoder.decode(chunk);
      } catch {
        throw new CborError('Invalid UTF-8 in a text string chunk', start);
      }
    }
    return value;
  }

  array(info: number, start: number, depth: number): unknown[] {
    if (info === 31) {
      const value: unknown[] = [];
      while (!this.atBreak()) value.push(this.item(depth));
      return value;
    }
    const length = this.length(info, start, 1);
    const value = new Array<unknown>(length);
    for (let i = 0; i < length; i++) value[i] = this.item(depth);
    return value;
  }

  /** Consumes a break byte if one is next; throws at the end of input. */
  atBreak(): boolean {
    this.need(1);
    if (this.bytes[this.pos] !== BREAK) return false;
    this.pos++;
    return true;
  }

  /**
   * A map key. Text keys of 1 to 23 bytes repeat in every row of a result, so they come from a
   * small cache checked byte for byte: the same string each time, which V8 stores as a property
   * far faster than a freshly built one (about a quarter off decoding a typical result).
   */
  mapKey(depth: number): unknown {
    // A text string of 1..23 bytes has its length in the initial byte (0x61..0x77).
    const length = (this.bytes[this.pos] ?? 0) - 0x60;
    const start = this.pos + 1;
    const end = start + length;
    if (length < 1 || length > 23 || end > this.bytes.length) return this.item(depth);
    const bytes = this.bytes;
    let hash = length;
    for (let i = start; i < end; i++) hash = (hash * 31 + (bytes[i] as number)) & 0xffff;
    const slot = hash & (KEY_CACHE_SIZE - 1);
    const cached = keyBytes[slot];
    if (cached !== undefined && cached.length === length) {
      let i = 0;
      while (i < length && cached[i] === bytes[start + i]) i++;
      if (i === length) {
        this.pos = end;
        return keyText[slot];
      }
    }
    const key = this.item(depth) as string;
    keyBytes[slot] = bytes.slice(start, end);
    keyText[slot] = key;
    return key;
  }

  /**
   * A map with only string keys becomes a plain object (a `__proto__` key is defined as an own
   * property, never assigned, so it cannot replace the prototype); any other key makes it a Map.
   */
  map(info: number, start: number, depth: number): Record<string, unknown> | Map<unknown, unknown> {
    const indefinite = info === 31;
    let remaining = indefinite ? -1 : this.length(info, start, 2);
    const object: Record<string, unknown> = {};
    let map: Map<unknown, unknown> | undefined;
    while (indefinite ? !this.atBreak() : remaining-- > 0) {
      const key = this.mapKey(depth);
      const value = this.item(depth);
      if (map === undefined && typeof key === 'string') {
        if (key === '__proto__') {
          Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
        } else object[key] = value;
      } else {
        map ??= new Map(Object.entries(object));
        map.set(key, value);
      }
    }
    return map ?? object;
  }
}

/**
 * Short ASCII text without TextDecoder, whose call overhead dominates tiny strings; four bytes
 * per `fromCharCode` call measured faster than one or eight. Undefined when not all ASCII.
 */
function shortAscii(bytes: Uint8Array, start: number, length: number): string | undefined {
  const end = start + length;
  let text = '';
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const a = bytes[i] as number;
    const b = bytes[i + 1] as number;
    const c = bytes[i + 2] as number;
    const d = bytes[i + 3] as number;
    if ((a | b | c | d) & 0x80) return undefined;
    text += String.fromCharCode(a, b, c, d);
  }
  for (; i < end; i++) {
    const a = bytes[i] as number;
    if (a & 0x80) return undefined;
    text += String.fromCharCode(a);
  }
  return text;
}
