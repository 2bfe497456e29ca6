/**
 * @module Datetime: an instant with nanosecond precision (CBOR tag 12 `[seconds, nanoseconds]`),
 * beyond what a JS Date holds.
 */
import { TAG_DATETIME, cborValue } from '../cbor/tags.ts';
import { epochParts } from './epoch.ts';
import { datetimeText } from './literal.ts';
import { Value, brandValue } from './value.ts';

const ISO = /^([+-]?\d{4,6})-(\d\d)-(\d\d)(?:[Tt ](\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?([Zz]|([+-])(\d\d):(\d\d)))?$/;

/** A UTC instant: whole seconds since the Unix epoch plus 0..999,999,999 nanoseconds. */
export class Datetime extends Value {
  /** Whole seconds since 1970-01-01T00:00:00Z (negative before it). */
  declare readonly seconds: number;
  /** Nanoseconds within the second, 0..999,999,999. */
  declare readonly nanoseconds: number;

  /**
   * From a Date, an ISO 8601 / RFC 3339 string (up to 9 fractional digits; a date alone means
   * midnight UTC), or, with no argument, now.
   */
  constructor(value: Date | string | Datetime = new Date()) {
    super();
    if (value instanceof Datetime) {
      this.seconds = value.seconds;
      this.nanoseconds = value.nanoseconds;
    } else {
      const ms = value instanceof Date ? value.getTime() : NaN;
      [this.seconds, this.nanoseconds] = Number.isNaN(ms) ? parseIso(value) : epochParts(ms);
    }
  }

  /** From seconds since the epoch and nanoseconds (carried into seconds when ≥ 1e9 or negative). */
  static fromEpoch(seconds: number | bigint, nanoseconds: number | bigint = 0): Datetime {
    const s = Number(seconds);
    const ns = Number(nanoseconds);
    if (!Number.isSafeInteger(s) || !Number.isSafeInteger(ns)) throw new TypeError('Datetime seconds and nanoseconds must be integers');
    const carry = Math.floor(ns / 1e9);
    const result = Object.create(Datetime.prototype) as { seconds: number; nanoseconds: number };
    result.seconds = s + carry;
    result.nanoseconds = ns - carry * 1e9;
    return result as Datetime;
  }

  /** The nearest JS Date (millisecond precision; sub-millisecond digits are dropped). */
  toDate(): Date {
    return new Date(this.seconds * 1000 + Math.floor(this.nanoseconds / 1_000_000));
  }

  /**
   * RFC 3339 in UTC with 0, 3, 6 or 9 fractional digits, as SurrealDB prints datetimes
   * (years past 9999 as `+12024`, before year 0 as `-0001`). A RangeError beyond JS Date's
   * ±275,760 years, which hold every datetime SurrealDB can represent.
   */
  toISOString(): string {
    return datetimeText(this.seconds, this.nanoseconds);
  }

  /** SurrealQL literal: `d'2024-01-01T00:00:00Z'`. */
  toString(): string {
    return `d'${this.toISOString()}'`;
  }

  override toJSON(): string {
    return this.toISOString();
  }

  /** Negative, zero or positive as this instant is before, equal to or after `other`. */
  compare(other: Datetime): number {
    return Math.sign(this.seconds - other.seconds || this.nanoseconds - other.nanoseconds);
  }

  [cborValue](): [number, number] {
    return [this.seconds, this.nanoseconds];
  }

  static {
    brandValue(this, 'Datetime', TAG_DATETIME);
  }
}

/** `[seconds, nanoseconds]` of ISO text; a TypeError when it is not a valid date and time. */
function parseIso(text: unknown): [number, number] {
  const [, year, month, day, hour = 0, minute = 0, second = 0, fraction = '', , sign, offsetHours = 0, offsetMinutes = 0] = ISO.exec(text as string) ?? [];
  const date = new Date(0);
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  // A day or month out of range rolls over into the next month; a year outside JS Date's range is NaN.
  if (date.getUTCMonth() !== Number(month) - 1 || +hour > 23 || +minute > 59 || +second > 59 || +offsetHours > 23 || +offsetMinutes > 59) {
    throw new TypeError(`Not an ISO 8601 datetime: ${JSON.stringify(String(text))}`);
  }
  const offset = (sign === '-' ? -1 : 1) * (+offsetHours * 3600 + +offsetMinutes * 60);
  return [date.getTime() / 1000 + +hour * 3600 + +minute * 60 + +second - offset, Number(fraction.padEnd(9, '0'))];
}
