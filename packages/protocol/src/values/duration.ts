/**
 * @module Duration: a non-negative span with nanosecond precision (CBOR tag 14
 * `[seconds?, nanoseconds?]`), parsed from and printed as SurrealQL text such as `1h30m`.
 */
import { TAG_DURATION, cborTag, cborValue } from '../cbor/tags.ts';
import { brand, isBranded } from './brand.ts';

const DURATION = brand('Duration');
const NS_PER_SECOND = 1_000_000_000n;

/** Nanoseconds per unit, largest first (the order `toString` prints them in). */
const UNITS: readonly [string, bigint][] = [
  ['y', 365n * 86_400n * NS_PER_SECOND],
  ['w', 7n * 86_400n * NS_PER_SECOND],
  ['d', 86_400n * NS_PER_SECOND],
  ['h', 3600n * NS_PER_SECOND],
  ['m', 60n * NS_PER_SECOND],
  ['s', NS_PER_SECOND],
  ['ms', 1_000_000n],
  ['µs', 1000n],
  ['ns', 1n],
];
const UNIT_NS = new Map<string, bigint>([...UNITS, ['us', 1000n], ['μs', 1000n]]);
const PART = /(\d+)(ns|us|µs|μs|ms|s|m|h|d|w|y)/y;

/** A length of time, e.g. `new Duration('1h30m')`. Never negative, as in SurrealDB. */
export class Duration {
  /** Whole seconds. */
  readonly seconds: bigint;
  /** Nanoseconds within the second, 0..999,999,999. */
  readonly nanoseconds: number;

  /** From SurrealQL duration text: one or more `<integer><unit>` with units y w d h m s ms us/µs ns. */
  constructor(value: string | Duration) {
    const total = value instanceof Duration ? value.totalNanoseconds() : parseDuration(value);
    this.seconds = total / NS_PER_SECOND;
    this.nanoseconds = Number(total % NS_PER_SECOND);
  }

  /** From whole seconds and extra nanoseconds (which may exceed one second). */
  static fromParts(seconds: number | bigint, nanoseconds: number | bigint = 0): Duration {
    return Duration.fromNanoseconds(toBigInt(seconds) * NS_PER_SECOND + toBigInt(nanoseconds));
  }

  static fromNanoseconds(nanoseconds: bigint): Duration {
    if (nanoseconds < 0n) throw new RangeError('A Duration cannot be negative');
    const result = Object.create(Duration.prototype) as { seconds: bigint; nanoseconds: number };
    result.seconds = nanoseconds / NS_PER_SECOND;
    result.nanoseconds = Number(nanoseconds % NS_PER_SECOND);
    return result as Duration;
  }

  /** From milliseconds (fractions kept to the nanosecond). */
  static fromMilliseconds(milliseconds: number): Duration {
    if (!Number.isFinite(milliseconds)) throw new RangeError('Duration milliseconds must be finite');
    const whole = Math.floor(milliseconds);
    return Duration.fromNanoseconds(BigInt(whole) * 1_000_000n + BigInt(Math.round((milliseconds - whole) * 1e6)));
  }

  totalNanoseconds(): bigint {
    return this.seconds * NS_PER_SECOND + BigInt(this.nanoseconds);
  }

  /** Milliseconds as a number (fractional below a millisecond), e.g. for setTimeout. */
  toMilliseconds(): number {
    return Number(this.seconds) * 1000 + this.nanoseconds / 1e6;
  }

  add(other: Duration): Duration {
    return Duration.fromNanoseconds(this.totalNanoseconds() + other.totalNanoseconds());
  }

  /** The difference; a RangeError when `other` is longer, since durations are never negative. */
  sub(other: Duration): Duration {
    return Duration.fromNanoseconds(this.totalNanoseconds() - other.totalNanoseconds());
  }

  /** Scaled by a non-negative factor; a fractional factor rounds to the nearest nanosecond. */
  mul(factor: number | bigint): Duration {
    if (typeof factor === 'bigint') return Duration.fromNanoseconds(this.totalNanoseconds() * factor);
    if (!Number.isFinite(factor) || factor < 0) throw new RangeError('A Duration factor must be finite and non-negative');
    if (Number.isInteger(factor)) return Duration.fromNanoseconds(this.totalNanoseconds() * BigInt(factor));
    return Duration.fromNanoseconds(BigInt(Math.round(Number(this.totalNanoseconds()) * factor)));
  }

  /** -1, 0 or 1 as this is shorter than, equal to or longer than `other`. */
  compare(other: Duration): -1 | 0 | 1 {
    const a = this.totalNanoseconds();
    const b = other.totalNanoseconds();
    return a < b ? -1 : a > b ? 1 : 0;
  }

  equals(other: unknown): boolean {
    return other instanceof Duration && other.seconds === this.seconds && other.nanoseconds === this.nanoseconds;
  }

  /** SurrealQL text, largest unit first: `1h30m`, `1y2w3d4h5m6s7ms8µs9ns`, `0ns`. */
  toString(): string {
    let rest = this.totalNanoseconds();
    if (rest === 0n) return '0ns';
    let text = '';
    for (const [unit, size] of UNITS) {
      if (rest >= size) {
        text += `${rest / size}${unit}`;
        rest %= size;
      }
    }
    return text;
  }

  toJSON(): string {
    return this.toString();
  }

  get [DURATION](): true {
    return true;
  }

  get [cborTag](): number {
    return TAG_DURATION;
  }

  /** Trailing zero parts are omitted, as SurrealDB writes them: `[]`, `[s]` or `[s, ns]`. */
  [cborValue](): unknown {
    if (this.nanoseconds !== 0) return [this.seconds, this.nanoseconds];
    return this.seconds === 0n ? [] : [this.seconds];
  }

  static [Symbol.hasInstance](value: unknown): value is Duration {
    return isBranded(this, Duration, DURATION, value);
  }
}

function parseDuration(text: string): bigint {
  if (typeof text !== 'string' || text.length === 0) throw new TypeError('A Duration is made from text such as "1h30m"');
  let total = 0n;
  PART.lastIndex = 0;
  while (PART.lastIndex < text.length) {
    const match = PART.exec(text);
    if (!match) throw new TypeError(`Not a duration: ${JSON.stringify(text)}`);
    total += BigInt(match[1] as string) * (UNIT_NS.get(match[2] as string) as bigint);
  }
  return total;
}

function toBigInt(value: number | bigint): bigint {
  if (typeof value === 'bigint') return value;
  if (!Number.isSafeInteger(value)) throw new TypeError(`Not an integer: ${value}`);
  return BigInt(value);
}
