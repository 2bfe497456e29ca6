/**
 * @module CBOR decoder: bytes to JS values and the SurrealDB value classes. Every length is
 * checked against the bytes that remain, nesting is capped, and any malformed input throws a
 * CborError with the offending byte offset.
 *
 * The state of the one decode in progress lives in module variables rather than on an object:
 * decoding calls no user code, so it never re-enters, and a minifier can shorten every name.
 */
import { CborError } from './cbor-error.ts';
import { decodeHalfFloat } from './half-float.ts';
import { decodeTag } from './tag-values.ts';
import { utf8Text } from './utf8.ts';

/** Deepest nesting of arrays, maps and tags accepted; deeper input is rejected, not recursed into. */
export const MAX_DEPTH = 256;
const BREAK = 0xff;
/** Slots of the map key cache (a power of two). */
const KEY_CACHE_SIZE = 512;
const keyCache: (string | undefined)[] = new Array(KEY_CACHE_SIZE);
const EMPTY: Uint8Array = new Uint8Array(0);
const EMPTY_VIEW = new DataView(EMPTY.buffer);

/** The input of the decode in progress, a view on it for multi-byte numbers, and the read position. */
let bytes: Uint8Array = EMPTY;
let view = EMPTY_VIEW;
let pos = 0;

/** Decodes exactly one CBOR data item that spans all of `input`. */
export function decode(input: Uint8Array): unknown {
  if (!(input instanceof Uint8Array)) throw new TypeError('decode expects a Uint8Array');
  // A subclass such as Node's Buffer may make `slice` a view; read through a plain Uint8Array so
  // decoded byte strings are always independent copies.
  bytes = input.constructor === Uint8Array ? input : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  pos = 0;
  try {
    const value = item(0);
    if (pos !== bytes.length) fail(`${bytes.length - pos} trailing bytes after the CBOR item`, pos);
    return value;
  } finally {
    // Do not keep the caller's bytes alive until the next decode.
    bytes = EMPTY;
    view = EMPTY_VIEW;
  }
}

function fail(message: string, offset: number): never {
  throw new CborError(message, offset);
}

/** Throws unless `n` more bytes are available at the current position. */
function need(n: number): void {
  if (pos + n > bytes.length) fail('Unexpected end of input', pos);
}

/**
 * The big-endian number of 1, 2, 4 or 8 bytes that follows an initial byte with additional info
 * 24..27: an unsigned integer (a bigint beyond 2^53), or with `float` a float of 2, 4 or 8 bytes.
 */
function fixed(info: number, start: number, float?: boolean): number | bigint {
  if (info > 27) fail(`Unexpected additional information ${info}`, start);
  const size = 1 << (info - 24);
  need(size);
  const at = pos;
  pos += size;
  if (size === 1) return bytes[at] as number;
  if (size === 2) return float ? decodeHalfFloat(view.getUint16(at)) : view.getUint16(at);
  if (size === 4) return float ? view.getFloat32(at) : view.getUint32(at);
  if (float) return view.getFloat64(at);
  const high = view.getUint32(at);
  const low = view.getUint32(at + 4);
  return high < 0x200000 ? high * 0x1_0000_0000 + low : (BigInt(high) << 32n) | BigInt(low);
}

/**
 * A declared length, checked against the remaining input given that every counted unit takes at
 * least `unitSize` bytes; this bounds every allocation by the input.
 */
function length(n: number | bigint, unitSize: number, start: number): number {
  if (typeof n === 'bigint' || n * unitSize > bytes.length - pos) fail(`Declared length ${n} exceeds the remaining input`, start);
  return n;
}

function item(depth: number): unknown {
  need(1);
  const start = pos;
  const initial = bytes[pos++] as number;
  const major = initial >> 5;
  const info = initial & 0x1f;
  if (major === 7) return simple(info, start);
  if (major > 3 && depth >= MAX_DEPTH) fail(`Nesting deeper than ${MAX_DEPTH} levels`, start);
  if (info === 31) {
    if (major === 2 || major === 3) return indefiniteString(major, depth);
    if (major === 4) {
      const value: unknown[] = [];
      while (!atBreak()) value.push(item(depth + 1));
      return value;
    }
    if (major === 5) return map(-1, depth + 1);
    fail('Unexpected indefinite length', start);
  }
  const n = info < 24 ? info : fixed(info, start);
  switch (major) {
    case 0:
      return n;
    case 1:
      if (typeof n === 'bigint') return -1n - n;
      return n < Number.MAX_SAFE_INTEGER ? -1 - n : -1n - BigInt(n);
    case 2:
      return byteString(length(n, 1, start));
    case 3:
      return textString(length(n, 1, start), start);
    case 4: {
      const value = new Array<unknown>(length(n, 1, start));
      for (let i = 0; i < value.length; i++) value[i] = item(depth + 1);
      return value;
    }
    case 5:
      return map(length(n, 2, start), depth + 1);
    default:
      if (typeof n === 'bigint') fail(`Tag number ${n} is too large`, start);
      return decodeTag(n, item(depth + 1), start);
  }
}

const SIMPLE_VALUES = [false, true, null, undefined];

function simple(info: number, start: number): unknown {
  if (info >= 20 && info < 24) return SIMPLE_VALUES[info - 20];
  if (info > 24 && info < 28) return fixed(info, start, true);
  fail(info === 31 ? 'Unexpected break' : `Unsupported simple value ${info}`, start);
}

function byteString(size: number): Uint8Array {
  const value = bytes.slice(pos, pos + size);
  pos += size;
  return value;
}

function textString(size: number, start: number): string {
  const end = pos + size;
  const value = utf8Text(bytes, pos, end);
  if (value === undefined) fail('Invalid UTF-8', start);
  pos = end;
  return value;
}

/**
 * An indefinite-length string: definite strings of the same major type (each text chunk valid
 * UTF-8 on its own), then a break.
 */
function indefiniteString(major: number, depth: number): Uint8Array | string {
  const chunks: (Uint8Array | string)[] = [];
  while (!atBreak()) {
    const initial = bytes[pos] as number;
    if (initial >> 5 !== major || (initial & 0x1f) === 31) fail('Invalid chunk in an indefinite-length string', pos);
    chunks.push(item(depth) as Uint8Array | string);
  }
  if (major === 3) return chunks.join('');
  const value = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks as Uint8Array[]) {
    value.set(chunk, offset);
    offset += chunk.length;
  }
  return value;
}

/** Consumes a break byte if one is next; throws at the end of input. */
function atBreak(): boolean {
  need(1);
  if (bytes[pos] !== BREAK) return false;
  pos++;
  return true;
}

/**
 * A map key: text keys repeat in every row of a result, and the same string each time is one V8
 * stores as a property far faster than a freshly built one. Only ASCII keys are cached, so their
 * bytes compare with their char codes and caching allocates nothing.
 */
function mapKey(depth: number): unknown {
  // A text string of 1..23 bytes has its length in the initial byte (0x61..0x77).
  const size = (bytes[pos] ?? 0) - 0x60;
  const start = pos + 1;
  const end = start + size;
  if (size < 1 || size > 23 || end > bytes.length) return item(depth);
  // The slot from the length and three of the bytes: no loop, and keys that share a prefix
  // (created_at, created_by) still differ in their last byte.
  const slot = (size * 97 + (bytes[start] as number) * 31 + (bytes[start + (size >> 1)] as number) * 7 + (bytes[end - 1] as number)) & (KEY_CACHE_SIZE - 1);
  const cached = keyCache[slot];
  if (cached !== undefined && cached.length === size) {
    let i = 0;
    while (i < size && cached.charCodeAt(i) === bytes[start + i]) i++;
    if (i === size) {
      pos = end;
      return cached;
    }
  }
  const key = item(depth) as string;
  // Non-ASCII text is longer in bytes than in UTF-16 units.
  if (key.length === size) keyCache[slot] = key;
  return key;
}

/**
 * A map of `remaining` entries (-1: indefinite). With only string keys it becomes a plain object
 * (a `__proto__` key is defined as an own property, never assigned, so it cannot replace the
 * prototype); any other key makes it a Map.
 */
function map(remaining: number, depth: number): Record<string, unknown> | Map<unknown, unknown> {
  const object: Record<string, unknown> = {};
  let map: Map<unknown, unknown> | undefined;
  while (remaining < 0 ? !atBreak() : remaining-- > 0) {
    const key = mapKey(depth);
    const value = item(depth);
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
