/**
 * @module Uuid: 16 bytes on the wire (CBOR tag 37), with v4 and v7 generation.
 */
import { TAG_UUID, cborValue } from '../cbor/tags.ts';
import { fromHex, toHex } from './hex.ts';
import { Value, brandValue } from './value.ts';

const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID, stored as its 16 bytes. */
export class Uuid extends Value {
  /** The 16 bytes, big-endian as in RFC 9562. Do not mutate. */
  declare readonly bytes: Uint8Array;

  /** From the canonical text form (`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`) or 16 bytes (copied). */
  constructor(value: string | Uint8Array) {
    super();
    const bytes = typeof value === 'string' && UUID_TEXT.test(value) ? fromHex(value.replace(/-/g, '')) : value;
    if (!(bytes instanceof Uint8Array) || bytes.length !== 16) throw new TypeError('A UUID is its canonical text form or exactly 16 bytes');
    this.bytes = new Uint8Array(bytes);
  }

  /** A random (version 4) UUID. */
  static v4(): Uuid {
    return withVersion(crypto.getRandomValues(new Uint8Array(16)), 0x40);
  }

  /** A time-ordered (version 7) UUID: 48 bits of Unix milliseconds, then random bits. */
  static v7(): Uuid {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    const ms = Date.now();
    const high = Math.floor(ms / 0x1_0000_0000);
    bytes[0] = high >>> 8;
    bytes[1] = high;
    new DataView(bytes.buffer).setUint32(2, ms >>> 0);
    return withVersion(bytes, 0x70);
  }

  /** The version number (4 for v4, 7 for v7). */
  get version(): number {
    return (this.bytes[6] as number) >> 4;
  }

  /** SurrealQL literal: `u'…'`. */
  toString(): string {
    return `u'${this.toJSON()}'`;
  }

  /** The canonical lowercase text form. */
  override toJSON(): string {
    const hex = toHex(this.bytes);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  [cborValue](): Uint8Array {
    return this.bytes;
  }

  static {
    brandValue(this, 'Uuid', TAG_UUID);
  }
}

function withVersion(bytes: Uint8Array, version: number): Uuid {
  bytes[6] = ((bytes[6] as number) & 0x0f) | version;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  return new Uuid(bytes);
}
