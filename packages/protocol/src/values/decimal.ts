/**
 * @module Decimal: an exact decimal number carried as its text (CBOR tag 10), never through a
 * binary float.
 */
import { TAG_DECIMAL, cborValue } from '../cbor/tags.ts';
import { Value, brandValue } from './value.ts';

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** An arbitrary-precision decimal such as `19.99`; the digits are kept exactly as given. */
export class Decimal extends Value {
  /** Plain decimal text: optional `-`, digits, optional `.digits` (exponents are expanded). */
  declare readonly value: string;

  constructor(value: string | number | bigint | Decimal) {
    super();
    if (value instanceof Decimal) this.value = value.value;
    else if (typeof value === 'bigint') this.value = String(value);
    else if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) this.value = plain(String(value));
    else throw new TypeError('A Decimal is made from decimal text, a finite number or a bigint');
  }

  /** The nearest binary float; precision may be lost. */
  toNumber(): number {
    return Number(this.value);
  }

  /** SurrealQL literal: `19.99dec`; a negative zero is `0dec`, as the engine holds it (`-0dec` would keep the sign). */
  toString(): string {
    return /^-[0.]*$/.test(this.value) ? '0dec' : `${this.value}dec`;
  }

  override toJSON(): string {
    return this.value;
  }

  /** Numeric equality: `1.50` equals `1.5`, `-0` equals `0`. */
  override equals(other: unknown): boolean {
    return other instanceof Decimal && canonical(other.value) === canonical(this.value);
  }

  [cborValue](): string {
    return this.value;
  }

  static {
    brandValue(this, 'Decimal', TAG_DECIMAL);
  }
}

/** Validates decimal text and rewrites `1.5e3`, `.5`, `5.` and `+5` into plain `-?d+(.d+)?` form. */
function plain(text: string): string {
  const match = DECIMAL_TEXT.exec(text.trim());
  const [, sign, whole = '', fractionDigits = '', exponent = '0'] = match ?? [];
  const shift = Number(exponent);
  if (!match || (whole === '' && fractionDigits === '') || Math.abs(shift) > 10_000) throw new TypeError(`Not a decimal number (or its exponent is out of range): ${text}`);
  let digits = (whole || '0') + fractionDigits;
  let point = (whole || '0').length + shift;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  digits = digits.padEnd(point, '0');
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const fraction = digits.slice(point);
  return `${sign === '-' ? '-' : ''}${integer}${fraction && `.${fraction}`}`;
}

/** Plain decimal text without trailing fraction zeros, and `0` for `-0`. */
function canonical(value: string): string {
  const digits = value.replace(/(\.\d*[1-9])0+$|\.0*$/, '$1');
  return digits === '-0' ? '0' : digits;
}
