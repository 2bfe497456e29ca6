/**
 * @module Uuid: text and bytes both ways, v4 and v7 generation.
 */
import { describe, expect, it } from 'vitest';
import { Uuid } from '../src/values/index.ts';

const TEXT = '0190d8d4-6d41-7a0e-8f4b-7c5a1e2b3c4d';

describe('Uuid', () => {
  it('parses text (any case) and prints canonical lowercase', () => {
    const uuid = new Uuid(TEXT.toUpperCase());
    expect(uuid.toJSON()).toBe(TEXT);
    expect(uuid.toString()).toBe(`u'${TEXT}'`);
    expect(uuid.bytes[0]).toBe(0x01);
    expect(uuid.bytes[15]).toBe(0x4d);
  });

  it('copies the bytes it is given', () => {
    const bytes = new Uuid(TEXT).bytes.slice();
    const uuid = new Uuid(bytes);
    bytes[0] = 0xff;
    expect(uuid.toJSON()).toBe(TEXT);
  });

  it.each(['', 'not-a-uuid', TEXT.replace(/-/g, ''), `${TEXT}0`, new Uint8Array(15), 42])('rejects %s', (input) => {
    expect(() => new Uuid(input as never)).toThrow(TypeError);
  });

  it('v4 sets version 4 and the RFC 9562 variant, and is random', () => {
    const a = Uuid.v4();
    expect(a.version).toBe(4);
    expect((a.bytes[8] as number) >> 6).toBe(0b10);
    expect(a.equals(Uuid.v4())).toBe(false);
  });

  it('v7 sets version 7 and starts with the current Unix milliseconds', () => {
    const before = Date.now();
    const uuid = Uuid.v7();
    const ms = Number.parseInt(uuid.toJSON().replace(/-/g, '').slice(0, 12), 16);
    expect(uuid.version).toBe(7);
    expect((uuid.bytes[8] as number) >> 6).toBe(0b10);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now());
  });

  it('compares by bytes', () => {
    expect(new Uuid(TEXT).equals(new Uuid(TEXT))).toBe(true);
    expect(new Uuid(TEXT).equals(TEXT)).toBe(false);
  });
});
