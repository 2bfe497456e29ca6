/**
 * @module Datetime: an instant with nanosecond precision (CBOR tag 12 `[seconds, nanoseconds]`),
 * beyond what a JS Date holds.
 */
import { TAG_DATETIME, cborTag, cborValue } from '../cbor/tags.ts';
import { brand, isBranded } from './brand.ts';

const DATETIME = brand('Datetime');
const ISO = /^([+-]?\d{4,6})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2}))?$/;
const SECONDS_PER_DAY = 86_400;

/** A UTC instant: whole seconds since the Unix epoch plus 0..999,999,999 nanoseconds. */
export class Datetime {
  /** Whole seconds since 1970-01-01T00:00:00Z (negative before it). */
  readonly seconds: number;
  /** Nanoseconds within the second, 0..999,999,999. */
  readonly nanoseconds: number;

  /**
   * From a Date, an ISO 8601 / RFC 3339 string (up to 9 fractional digits; a date alone means
   * midnight UTC), or, with no argument, now.
   */
  constructor(value?: Date | string | Datetime) {
    if (value === undefined) value = new Date();
    if (value instanceof Datetime) {
      this.seconds = value.seconds;
      this.nanoseconds = value.nanoseconds;
    } else if (value instanceof Date) {
      const ms = value.getTime();
      if (Number.isNaN(ms)) throw new TypeError('Invalid Date');
      this.seconds = Math.floor(ms / 1000);
      this.nanoseconds = (ms - this.seconds * 1000) * 1_000_000;
    } else if (typeof value === 'string') {
      [this.seconds, this.nanoseconds] = parseIso(value);
    } else {
      throw new TypeError('A Datetime is made from a Date, an ISO string or a Datetime');
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
   * (years past 9999 as `+12024`, before year 0 as `-0001`).
   */
  toISOString(): string {
    const days = Math.floor(this.seconds / SECONDS_PER_DAY);
    const secondOfDay = this.seconds - days * SECONDS_PER_DAY;
    const [year, month, day] = civilFromDays(days);
    const yearText = year > 9999 ? `+${year}` : year < 0 ? `-${pad(-year, 4)}` : pad(year, 4);
    const time = `${pad(Math.floor(secondOfDay / 3600), 2)}:${pad(Math.floor(secondOfDay / 60) % 60, 2)}:${pad(secondOfDay % 60, 2)}`;
    return `${yearText}-${pad(month, 2)}-${pad(day, 2)}T${time}${fraction(this.nanoseconds)}Z`;
  }

  /** SurrealQL literal: `d'2024-01-01T00:00:00Z'`. */
  toString(): string {
    return `d'${this.toISOString()}'`;
  }

  toJSON(): string {
    return this.toISOString();
  }

  /** Negative, zero or positive as this instant is before, equal to or after `other`. */
  compare(other: Datetime): number {
    return Math.sign(this.seconds - other.seconds || this.nanoseconds - other.nanoseconds);
  }

  equals(other: unknown): boolean {
    return other instanceof Datetime && other.seconds === this.seconds && other.nanoseconds === this.nanoseconds;
  }

  get [DATETIME](): true {
    return true;
  }

  get [cborTag](): number {
    return TAG_DATETIME;
  }

  [cborValue](): unknown {
    return [this.seconds, this.nanoseconds];
  }

  static [Symbol.hasInstance](value: unknown): value is Datetime {
    return isBranded(this, Datetime, DATETIME, value);
  }
}

function parseIso(text: string): [number, number] {
  const match = ISO.exec(text);
  if (!match) throw new TypeError(`Not an ISO 8601 datetime: ${JSON.stringify(text)}`);
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = 'Z'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    throw new TypeError(`Not a valid datetime: ${JSON.stringify(text)}`);
  }
  let offset = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const offsetHours = Number(zone.slice(1, 3));
    const offsetMinutes = Number(zone.slice(4, 6));
    if (offsetHours > 23 || offsetMinutes > 59) throw new TypeError(`Not a valid UTC offset: ${zone}`);
    offset = (zone[0] === '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
  }
  const seconds = daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second - offset;
  return [seconds, Number(frac.padEnd(9, '0'))];
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The proleptic Gregorian date of a day count since 1970-01-01 (inverse of daysFromCivil). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

function fraction(nanoseconds: number): string {
  if (nanoseconds === 0) return '';
  if (nanoseconds % 1_000_000 === 0) return `.${pad(nanoseconds / 1_000_000, 3)}`;
  if (nanoseconds % 1000 === 0) return `.${pad(nanoseconds / 1000, 6)}`;
  return `.${pad(nanoseconds, 9)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
