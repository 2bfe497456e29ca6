/**
 * @module CBOR encoder: JS values and the SurrealDB value classes to bytes, written into one
 * growable buffer that is reused from call to call.
 *
 * The state of the encode in progress lives in module variables rather than on an object, so a
 * minifier can shorten every name. Encoding can run user code (getters, a foreign value's
 * `[cborValue]()`), which could call `encode` again: such a nested call saves the outer call's
 * state, writes into a buffer of its own, and restores the state when it returns.
 *
 * It refuses what SurrealDB cannot store (integers outside i64, Maps with non-string keys,
 * functions, symbols, and objects that are not plain: Error, RegExp, Promise, class instances...)
 * with a CborError naming the value's path, e.g. `$.rows[2].owner`. The path costs nothing on
 * success: containers add their segment only while a refusal unwinds through them.
 */
import { CborError } from './cbor-error.ts';
import { epochParts } from '../values/epoch.ts';
import { fromHex } from '../values/hex.ts';
import { TAG_BIGNUM_NEGATIVE, TAG_BIGNUM_POSITIVE, TAG_DATETIME, TAG_SET, cborTag, cborValue, type CborTaggable } from './tags.ts';

/** Deeper than this is almost certainly a cycle; fail with a CborError rather than a stack overflow. */
const MAX_DEPTH = 512;
const MAX_UINT64 = 0xffff_ffff_ffff_ffffn;
/** The buffer kept between calls starts this large and, after a bigger message, shrinks back to it. */
const INITIAL_SIZE = 4096;
const textEncoder = new TextEncoder();

let out = new Uint8Array(INITIAL_SIZE);
let view = new DataView(out.buffer);
let pos = 0;
let busy = false;
/**
 * How many tagged items enclose the current one. A tag's content belongs to a value class that
 * checked it (a Duration's seconds are u64), so the i64 limit applies only outside tags.
 */
let inTag = 0;

/** A value the encoder refuses, on its way up to `encode`; each container it passes adds its path segment. */
class Refusal {
  readonly segments: (string | number)[] = [];
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {}
}

/**
 * Encodes `value` as one CBOR data item. JS `undefined` becomes SurrealDB NONE (tag 6). A value
 * SurrealDB cannot store throws a CborError whose `path` names it (`$` is `value` itself).
 */
export function encode(value: unknown): Uint8Array {
  const outer = busy ? ([out, view, pos, inTag] as const) : undefined;
  if (outer) setBuffer(new Uint8Array(INITIAL_SIZE));
  busy = true;
  pos = 0;
  inTag = 0;
  try {
    item(value, 0);
    return out.slice(0, pos);
  } catch (error) {
    if (error instanceof Refusal) throw new CborError(error.reason, error.offset, pathOf(error.segments));
    throw error;
  } finally {
    if (outer) [out, view, pos, inTag] = outer;
    else {
      busy = false;
      // Keep at most 1 MiB around between calls.
      if (out.length > 1 << 20) setBuffer(new Uint8Array(INITIAL_SIZE));
    }
  }
}

function setBuffer(buffer: Uint8Array<ArrayBuffer>): void {
  out = buffer;
  view = new DataView(buffer.buffer);
}

/** Makes room for `n` more bytes. */
function ensure(n: number): void {
  const needed = pos + n;
  if (needed <= out.length) return;
  let size = out.length * 2;
  while (size < needed) size *= 2;
  const grown = new Uint8Array(size);
  grown.set(out.subarray(0, pos));
  setBuffer(grown);
}

/** Writes a major type with its argument (a safe integer) in the shortest form. */
function head(major: number, n: number): void {
  ensure(9);
  const m = major << 5;
  if (n < 24) out[pos++] = m | n;
  else if (n < 0x100) {
    out[pos++] = m | 24;
    out[pos++] = n;
  } else if (n < 0x10000) {
    out[pos++] = m | 25;
    view.setUint16(pos, n);
    pos += 2;
  } else if (n < 0x1_0000_0000) {
    out[pos++] = m | 26;
    view.setUint32(pos, n);
    pos += 4;
  } else {
    out[pos++] = m | 27;
    view.setUint32(pos, n / 0x1_0000_0000);
    view.setUint32(pos + 4, n >>> 0);
    pos += 8;
  }
}

/** One byte: a simple value, or a tag head with no argument. */
function byte(b: number): void {
  ensure(1);
  out[pos++] = b;
}

function item(value: unknown, depth: number): void {
  switch (typeof value) {
    case 'string':
      return string(value);
    case 'number':
      return number(value);
    case 'boolean':
      return byte(value ? 0xf5 : 0xf4);
    case 'undefined':
      // NONE: tag 6 around null.
      byte(0xc6);
      return byte(0xf6);
    case 'bigint':
      return bigint(value);
    case 'object':
      if (value === null) return byte(0xf6);
      if (depth >= MAX_DEPTH) fail(`Value nested deeper than ${MAX_DEPTH} levels (a cycle?)`);
      return object(value, depth + 1);
    default:
      fail(`Cannot encode a ${typeof value}`);
  }
}

function fail(reason: string): never {
  throw new Refusal(reason, pos);
}

/** Rethrows `error`, adding `segment` to its path when it is a refusal. */
function via(error: unknown, segment: string | number): never {
  if (error instanceof Refusal) error.segments.push(segment);
  throw error;
}

/** `$.a[2]["b c"]` from segments collected innermost first. */
function pathOf(segments: readonly (string | number)[]): string {
  let path = '$';
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i] as string | number;
    path += typeof segment === 'number' ? `[${segment}]` : /^[A-Za-z_$][\w$]*$/.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`;
  }
  return path;
}

function number(value: number): void {
  if (Number.isSafeInteger(value) && !Object.is(value, -0)) return value >= 0 ? head(0, value) : head(1, -1 - value);
  ensure(9);
  out[pos++] = 0xfb;
  view.setFloat64(pos, value);
  pos += 8;
}

/**
 * An integer of up to 64 bits as a CBOR integer; beyond, an RFC 8949 bignum (tag 2 or 3 around the
 * big-endian magnitude). Outside a tag only i64 is accepted: that is what SurrealDB stores, and a
 * uint64 above it would come back wrapped negative.
 */
function bigint(value: bigint): void {
  // SurrealDB integers are i64: exactly the bigints that 64-bit two's complement keeps unchanged.
  if (inTag === 0 && BigInt.asIntN(64, value) !== value) {
    fail(`Cannot encode ${value}n: SurrealDB integers are i64 (-2^63 to 2^63-1); use a Decimal`);
  }
  const negative = value < 0n;
  const n = negative ? -1n - value : value;
  if (n <= BigInt(Number.MAX_SAFE_INTEGER)) return head(negative ? 1 : 0, Number(n));
  if (n <= MAX_UINT64) {
    byte(negative ? 0x3b : 0x1b);
    ensure(8);
    view.setBigUint64(pos, n);
    pos += 8;
    return;
  }
  const hex = n.toString(16);
  head(6, negative ? TAG_BIGNUM_NEGATIVE : TAG_BIGNUM_POSITIVE);
  bytes(fromHex(hex.length % 2 ? `0${hex}` : hex));
}

function string(value: string): void {
  const length = value.length;
  // ASCII fast path for short strings: one header byte (or two) and a byte per char.
  if (length < 0x100) {
    ensure(length + 2);
    const start = pos;
    let p = start + (length < 24 ? 1 : 2);
    const buffer = out;
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
      pos = p;
      return;
    }
  }
  // General path: reserve a header sized for the worst case (3 UTF-8 bytes per UTF-16 unit),
  // encode in place, then close the gap if the real length needs a shorter header.
  const maxBytes = length * 3;
  const reserved = headSize(maxBytes);
  ensure(reserved + maxBytes);
  const start = pos;
  const { written } = textEncoder.encodeInto(value, out.subarray(start + reserved));
  const actual = headSize(written);
  if (actual < reserved) out.copyWithin(start + actual, start + reserved, start + reserved + written);
  head(3, written);
  pos = start + actual + written;
}

function headSize(n: number): number {
  return n < 24 ? 1 : n < 0x100 ? 2 : n < 0x10000 ? 3 : n < 0x1_0000_0000 ? 5 : 9;
}

function bytes(value: Uint8Array): void {
  head(2, value.length);
  ensure(value.length);
  out.set(value, pos);
  pos += value.length;
}

function object(value: object, depth: number): void {
  if (Array.isArray(value)) {
    head(4, value.length);
    let i = 0;
    try {
      for (; i < value.length; i++) item(value[i], depth);
    } catch (error) {
      via(error, i);
    }
    return;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) return map(value as Record<string, unknown>, depth);
  const tag = (value as Partial<CborTaggable>)[cborTag];
  if (tag !== undefined) {
    head(6, tag);
    inTag++;
    item((value as CborTaggable)[cborValue](), depth);
    inTag--;
    return;
  }
  if (value instanceof Uint8Array) return bytes(value);
  if (value instanceof Map) return stringKeyedMap(value, depth);
  if (value instanceof Set) {
    head(6, TAG_SET);
    return item([...value], depth);
  }
  if (value instanceof Date) {
    // A JS Date travels as a SurrealDB datetime: tag 12 `[seconds, nanoseconds]`.
    const ms = value.getTime();
    if (Number.isNaN(ms)) fail('Cannot encode an invalid Date');
    head(6, TAG_DATETIME);
    return item(epochParts(ms), depth);
  }
  if (value instanceof ArrayBuffer) return bytes(new Uint8Array(value));
  if (ArrayBuffer.isView(value)) fail(`Cannot encode a ${value.constructor.name}; pass a Uint8Array or an array of numbers`);
  // A plain object made in another realm (an iframe, a vm context) has that realm's Object.prototype.
  if (Object.getPrototypeOf(proto) === null) return map(value as Record<string, unknown>, depth);
  // Anything else (Error, RegExp, Promise, WeakMap, a class instance) would lose its state or its class.
  const name = (proto as { constructor?: { name?: unknown } }).constructor?.name;
  fail(`Cannot encode ${typeof name === 'string' && name ? `an instance of ${name}` : 'an object with a prototype'}: SurrealDB stores plain data, not class instances`);
}

function map(value: Record<string, unknown>, depth: number): void {
  const keys = Object.keys(value);
  head(5, keys.length);
  let key = '';
  try {
    for (let i = 0; i < keys.length; i++) {
      key = keys[i] as string;
      string(key);
      item(value[key], depth);
    }
  } catch (error) {
    via(error, key);
  }
}

/** A Map as a CBOR map: SurrealDB object keys are strings, so any other key is refused. */
function stringKeyedMap(value: Map<unknown, unknown>, depth: number): void {
  head(5, value.size);
  // While a key is checked there is no entry yet: a refused key is named by the Map's own path.
  let key: string | undefined;
  try {
    for (const [k, v] of value) {
      key = undefined;
      if (typeof k !== 'string') fail(`Cannot encode a Map with a ${k === null ? 'null' : typeof k} key: SurrealDB object keys are strings`);
      key = k;
      string(k);
      item(v, depth);
    }
  } catch (error) {
    if (key === undefined) throw error;
    via(error, key);
  }
}
