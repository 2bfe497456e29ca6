/**
 * @module The option checks every transport shares (ws and http `connect`, the embedded
 * transport and server), so that each refuses the same bad value with the same
 * `InvalidOptionError` and means the same by it. A timeout is a positive number of milliseconds,
 * or `Infinity` for none; `0` is refused, because some libraries read it as "no timeout" and
 * others as "expire at once".
 */
import { InvalidOptionError } from './errors.ts';

/** The default per-call timeout of every transport, in milliseconds. */
export const DEFAULT_TIMEOUT = 30_000;

/** An `InvalidOptionError` saying `${where}: ${name} must ${rule}`. */
export function invalidOption(where: string, name: string, rule: string): InvalidOptionError {
  return new InvalidOptionError(name, `${where}: ${name} must ${rule}`);
}

/** A timeout in ms: `fallback` when absent, else a number > 0 (`Infinity` for none). */
export function timeoutOption(where: string, name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0)) {
    throw invalidOption(where, name, `be a number of milliseconds > 0, or Infinity for no timeout (got ${describe(value)})`);
  }
  return value;
}

/** A delay in ms: `fallback` when absent, else a finite number >= 0. */
export function delayOption(where: string, name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) throw invalidOption(where, name, `be a finite number of milliseconds >= 0 (got ${describe(value)})`);
  return value;
}

/** A count: `fallback` when absent, else a whole number >= 0 or `Infinity`. */
export function countOption(where: string, name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0) || (Number.isFinite(value) && !Number.isInteger(value))) {
    throw invalidOption(where, name, `be a whole number >= 0, or Infinity (got ${describe(value)})`);
  }
  return value;
}

/** A name (namespace, database, host...): absent, or a non-empty string. */
export function nameOption(where: string, name: string, value: unknown): string | undefined {
  if (value !== undefined && (typeof value !== 'string' || value === '')) throw invalidOption(where, name, `be a non-empty string (got ${describe(value)})`);
  return value;
}

/** A callback option: absent, or a function. */
export function functionOption<F>(where: string, name: string, value: F | undefined): F | undefined {
  if (value !== undefined && typeof value !== 'function') throw invalidOption(where, name, `be a function (got ${describe(value)})`);
  return value;
}

/** One of `allowed`: `allowed[0]` when absent. */
export function choiceOption<const T extends string>(where: string, name: string, value: unknown, allowed: readonly [T, ...T[]]): T {
  if (value === undefined) return allowed[0];
  if (!allowed.includes(value as T)) throw invalidOption(where, name, `be ${allowed.map((each) => `'${each}'`).join(' or ')} (got ${typeof value === 'string' ? JSON.stringify(value) : describe(value)})`);
  return value as T;
}

/** Refuses options given under a name the API no longer (or never) had, pointing at the right one. */
export function renamedOptions(where: string, options: object, renamed: Readonly<Record<string, string>>): void {
  for (const [old, replacement] of Object.entries(renamed)) {
    if (Object.hasOwn(options, old)) throw new InvalidOptionError(old, `${where}: the ${old} option is now ${replacement}`);
  }
}

/** A value for an error message: never a string's content (it may be a secret), only its kind. */
function describe(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string';
  return typeof value === 'function' ? 'a function' : `a${typeof value === 'object' ? 'n object' : ` ${typeof value}`}`;
}
