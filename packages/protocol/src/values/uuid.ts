/**
 * @module Uuid: 16 bytes on the wire (CBOR tag 37), with v4 and v7 generation.
 */
import { TAG_UUID, cborTag, cborValue } from '../cbor/tags.ts';
import { brand, isBranded } from './brand.ts';

const UUID = brand('Uuid');
const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A UUID, stored as its 16 bytes. */
export class Uuid {
  /** The 16 bytes, big-endian as in RFC 9562. Do not mutate. */
  readonly bytes: Uint8Array;

  /** From the canonical text form (`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`) or 16 bytes (copied). */
  constructor(value: string | Uint8Array) {
    if (typeof value === 'string') {
      if (!UUID_TEXT.test(value)) throw new TypeError(`Not a UUID: ${JSON.stringify(value)}`);
      const hex = value.replace(/-/g, '');
      this.bytes = new Uint8Array(16);
      for (let i = 0; i < 16; i++) this.bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    } else if (value instanceof Uint8Array && value.length === 16) {
      this.bytes = new Uint8Array(value);
    } else {
      throw new TypeError('A UUID is a string or exactly 16 bytes');
    }
  }

  /** A random (version 4) UUID. */
  static v4(): Uuid {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return withVersion(bytes, 0x40);
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
  toJSON(): string {
    const h = (i: number) => HEX[this.bytes[i] as number] as string;
    return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${h(6)}${h(7)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
  }

  equals(other: unknown): boolean {
    return other instanceof Uuid && other.bytes.every((b, i) => b === this.bytes[i]);
  }

  get [UUID](): true {
    return true;
  }

  get [cborTag](): number {
    return TAG_UUID;
  }

  [cborValue](): unknown {
    return this.bytes;
  }

  static [Symbol.hasInstance](value: unknown): value is Uuid {
    return isBranded(this, Uuid, UUID, value);
  }
}

function withVersion(bytes: Uint8Array, version: number): Uuid {
  bytes[6] = ((bytes[6] as number) & 0x0f) | version;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  return new Uuid(bytes);
}
