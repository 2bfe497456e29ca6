/**
 * @module Duration: a non-negative span with nanosecond precision (CBOR tag 14
 * `[seconds?, nanoseconds?]`), parsed from and printed as SurrealQL text such as `1h30m`.
 */
import { TAG_DURATION, cborValue } from '../cbor/tags.ts';
import { Value, brandValue } from './value.ts';

const NS_PER_SECOND = 1_000_000_000n;

/** Nanoseconds per unit, largest first (the order `toString` prints them in). */
const UNITS: Readonly<Record<string, bigint>> = {
  y: 31_536_000n * NS_PER_SECOND,
  w: 604_800n * NS_PER_SECOND,
  d: 86_400n * NS_PER_SECOND,
  h: 3600n * NS_PER_SECOND,
  m: 60n * NS_PER_SECOND,
  s: NS_PER_SECOND,
  ms: 1_000_000n,
  µs: 1000n,
  ns: 1n,
};
/** One `<integer><unit>` part; `us` and `μs` (Greek mu) are read as `µs` (micro sign). */
const PART = /(\d+)(ns|us|µs|μs|ms|s|m|h|d|w|y)/y;

/** A length of time, e.g. `new Duration('1h30m')`. Never negative, as in SurrealDB. */
export class Duration extends Value {
  /** Whole seconds. */
  declare readonly seconds: bigint;
  /** Nanoseconds within the second, 0..999,999,999. */
  declare readonly nanoseconds: number;

  /** From SurrealQL duration text: one or more `<integer><unit>` with units y w d h m s ms us/µs ns. */
  constructor(value: string | Duration) {
    super();
    setTotal(this, value instanceof Duration ? total(value) : parseDuration(value));
  }

  /** From whole seconds and extra nanoseconds (which may exceed one second). */
  static fromParts(seconds: number | bigint, nanoseconds: number | bigint = 0): Duration {
    return fromTotal(toBigInt(seconds) * NS_PER_SECOND + toBigInt(nanoseconds));
  }

  static fromNanoseconds(nanoseconds: bigint): Duration {
    return fromTotal(nanoseconds);
  }

  /** From milliseconds (fractions kept to the nanosecond). */
  static fromMilliseconds(milliseconds: number): Duration {
    if (!Number.isFinite(milliseconds)) throw new RangeError('Duration milliseconds must be finite');
    const whole = Math.floor(milliseconds);
    return fromTotal(BigInt(whole) * 1_000_000n + BigInt(Math.round((milliseconds - whole) * 1e6)));
  }

  totalNanoseconds(): bigint {
    return total(this);
  }

  /** Milliseconds as a number (fractional below a millisecond), e.g. for setTimeout. */
  toMilliseconds(): number {
    return Number(this.seconds) * 1000 + this.nanoseconds / 1e6;
  }

  add(other: Duration): Duration {
    return fromTotal(total(this) + total(other));
  }

  /** The difference; a RangeError when `other` is longer, since durations are never negative. */
  sub(other: Duration): Duration {
    return fromTotal(total(this) - total(other));
  }

  /** Scaled by a non-negative factor; a fractional factor rounds to the nearest nanosecond. */
  mul(factor: number | bigint): Duration {
    const nanoseconds = total(this);
    if (typeof factor === 'bigint') return fromTotal(nanoseconds * factor);
    if (!(factor >= 0) || factor === Infinity) throw new RangeError('A Duration factor must be finite and non-negative');
    return fromTotal(Number.isInteger(factor) ? nanoseconds * BigInt(factor) : BigInt(Math.round(Number(nanoseconds) * factor)));
  }

  /** -1, 0 or 1 as this is shorter than, equal to or longer than `other`. */
  compare(other: Duration): -1 | 0 | 1 {
    const a = total(this);
    const b = total(other);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** SurrealQL text, largest unit first: `1h30m`, `1y2w3d4h5m6s7ms8µs9ns`, `0ns`. */
  toString(): string {
    let rest = total(this);
    let text = '';
    for (const [unit, size] of Object.entries(UNITS)) {
      if (rest >= size) {
        text += `${rest / size}${unit}`;
        rest %= size;
      }
    }
    return text || '0ns';
  }

  /** Trailing zero parts are omitted, as SurrealDB writes them: `[]`, `[s]` or `[s, ns]`. */
  [cborValue](): unknown {
    if (this.nanoseconds !== 0) return [this.seconds, this.nanoseconds];
    return this.seconds === 0n ? [] : [this.seconds];
  }

  static {
    brandValue(this, 'Duration', TAG_DURATION);
  }
}

function total(duration: Duration): bigint {
  return duration.seconds * NS_PER_SECOND + BigInt(duration.nanoseconds);
}

function fromTotal(nanoseconds: bigint): Duration {
  return setTotal(Object.create(Duration.prototype) as Duration, nanoseconds);
}

/** Sets the two fields of a new Duration from a total; a RangeError when negative. */
function setTotal(duration: Duration, nanoseconds: bigint): Duration {
  if (nanoseconds < 0n) throw new RangeError('A Duration cannot be negative');
  const fields = duration as { seconds: bigint; nanoseconds: number };
  fields.seconds = nanoseconds / NS_PER_SECOND;
  fields.nanoseconds = Number(nanoseconds % NS_PER_SECOND);
  return duration;
}

function parseDuration(text: string): bigint {
  let total = 0n;
  PART.lastIndex = 0;
  do {
    const match = PART.exec(text);
    if (!match) throw new TypeError(`Not a duration such as "1h30m": ${JSON.stringify(text)}`);
    total += BigInt(match[1] as string) * (UNITS[(match[2] as string).replace(/^[uμ]/, 'µ')] as bigint);
  } while (PART.lastIndex < text.length);
  return total;
}

function toBigInt(value: number | bigint): bigint {
  if (typeof value === 'bigint' || Number.isSafeInteger(value)) return BigInt(value);
  throw new TypeError(`Not an integer: ${value}`);
}
