/**
 * @module Decimal: an exact decimal number carried as its text (CBOR tag 10), never through a
 * binary float.
 */
import { TAG_DECIMAL, cborTag, cborValue } from '../cbor/tags.ts';
import { brand, isBranded } from './brand.ts';

const DECIMAL = brand('Decimal');
const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** An arbitrary-precision decimal such as `19.99`; the digits are kept exactly as given. */
export class Decimal {
  /** Plain decimal text: optional `-`, digits, optional `.digits` (exponents are expanded). */
  readonly value: string;

  constructor(value: string | number | bigint | Decimal) {
    if (value instanceof Decimal) this.value = value.value;
    else if (typeof value === 'bigint') this.value = value.toString();
    else if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new TypeError(`A Decimal must be finite, not ${value}`);
      this.value = plain(String(value));
    } else if (typeof value === 'string') this.value = plain(value);
    else throw new TypeError('A Decimal is made from a string, a number or a bigint');
  }

  /** The nearest binary float; precision may be lost. */
  toNumber(): number {
    return Number(this.value);
  }

  /** SurrealQL literal: `19.99dec`. */
  toString(): string {
    return `${this.value}dec`;
  }

  toJSON(): string {
    return this.value;
  }

  /** Numeric equality: `1.50` equals `1.5`, `-0` equals `0`. */
  equals(other: unknown): boolean {
    return other instanceof Decimal && canonical(other.value) === canonical(this.value);
  }

  get [DECIMAL](): true {
    return true;
  }

  get [cborTag](): number {
    return TAG_DECIMAL;
  }

  [cborValue](): unknown {
    return this.value;
  }

  static [Symbol.hasInstance](value: unknown): value is Decimal {
    return isBranded(this, Decimal, DECIMAL, value);
  }
}

/** Validates decimal text and rewrites `1.5e3`, `.5`, `5.` and `+5` into plain `-?d+(.d+)?` form. */
function plain(text: string): string {
  const match = DECIMAL_TEXT.exec(text.trim());
  const [, sign = '', whole = '', fractionDigits = '', exponent] = match ?? [];
  if (!match || (whole === '' && fractionDigits === '')) throw new TypeError(`Not a decimal number: ${JSON.stringify(text)}`);
  let digits = (whole || '0') + fractionDigits;
  let point = (whole || '0').length;
  if (exponent !== undefined) {
    const shift = Number(exponent);
    if (!Number.isSafeInteger(shift) || Math.abs(shift) > 10_000) throw new TypeError(`Decimal exponent out of range: ${text}`);
    point += shift;
    if (point <= 0) {
      digits = '0'.repeat(1 - point) + digits;
      point = 1;
    } else if (point > digits.length) digits = digits.padEnd(point, '0');
  }
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const fraction = digits.slice(point);
  return `${sign === '-' ? '-' : ''}${integer}${fraction === '' ? '' : `.${fraction}`}`;
}

function canonical(value: string): string {
  const [integer = '', fraction = ''] = value.replace(/^-/, '').split('.');
  const digits = `${integer.replace(/^0+(?=\d)/, '')}${fraction.replace(/0+$/, '') ? `.${fraction.replace(/0+$/, '')}` : ''}`;
  return value.startsWith('-') && digits !== '0' ? `-${digits}` : digits;
}
