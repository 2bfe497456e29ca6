/**
 * @module Decimal: exact digits, validated, never through a binary float.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from '../src/values/index.ts';

describe('Decimal', () => {
  it.each([
    ['19.99', '19.99'],
    ['19.990', '19.990'],
    ['0.1000000000000000000000000001', '0.1000000000000000000000000001'],
    ['-5', '-5'],
    ['+5', '5'],
    ['.5', '0.5'],
    ['5.', '5'],
    ['007.5', '7.5'],
    ['1.5e3', '1500'],
    ['1.5E-3', '0.0015'],
    ['-12e-1', '-1.2'],
  ])('%s keeps the value %s', (input, expected) => {
    expect(new Decimal(input).value).toBe(expected);
  });

  it('takes numbers and bigints', () => {
    expect(new Decimal(0.1).value).toBe('0.1');
    expect(new Decimal(1e21).value).toBe('1000000000000000000000');
    expect(new Decimal(10n ** 30n).value).toBe(`1${'0'.repeat(30)}`);
  });

  it.each(['', '.', 'abc', '1.2.3', '1e', 'NaN', 'Infinity', '0x10', '1_000'])('rejects %j', (input) => {
    expect(() => new Decimal(input)).toThrow(TypeError);
  });

  it('rejects NaN and Infinity numbers', () => {
    expect(() => new Decimal(Number.NaN)).toThrow(TypeError);
    expect(() => new Decimal(Infinity)).toThrow(TypeError);
  });

  it('prints the SurrealQL literal and JSON text', () => {
    expect(new Decimal('19.99').toString()).toBe('19.99dec');
    expect(JSON.stringify(new Decimal('19.99'))).toBe('"19.99"');
  });

  it('compares numerically', () => {
    expect(new Decimal('1.50').equals(new Decimal('1.5'))).toBe(true);
    expect(new Decimal('-0.0').equals(new Decimal('0'))).toBe(true);
    expect(new Decimal('01').equals(new Decimal('1.000'))).toBe(true);
    expect(new Decimal('1.5').equals(new Decimal('-1.5'))).toBe(false);
    expect(new Decimal('1.5').toNumber()).toBe(1.5);
  });
});
