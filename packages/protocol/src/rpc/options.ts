/**
 * @module The option checks every transport shares (ws and http `connect`, the embedded
 * transport and server), so that each refuses the same bad value with the same
 * `InvalidOptionError` and means the same by it. A timeout is a positive number of milliseconds,
 * or `Infinity` for none; `0` is refused, because some libraries read it as "no timeout" and
 * others as "expire at once".
 */
import { InvalidOptionError } from './client-errors.ts';

/** The default per-call timeout of every transport, in milliseconds. */
export const DEFAULT_TIMEOUT = 30_000;

/** An `InvalidOptionError` saying `${where}: ${name} must ${rule}`. */
export function invalidOption(where: string, name: string, rule: string): InvalidOptionError {
  return new InvalidOptionError(name, `${where}: ${name} must ${rule}`);
}

/**
 * `value`, or `fallback` when it is absent; refused unless `valid`. The message shows a number
 * or a type, never a string's content (it may be a secret).
 */
function checked<T>(where: string, name: string, value: unknown, fallback: T, valid: boolean, rule: string): T {
  if (value === undefined) return fallback;
  if (!valid) throw invalidOption(where, name, `${rule} (got ${typeof value === 'number' ? value : typeof value})`);
  return value as T;
}

const isNumber = (value: unknown): value is number => typeof value === 'number';

/** A timeout in ms: `fallback` when absent, else a number > 0 (`Infinity` for none). */
export function timeoutOption(where: string, name: string, value: unknown, fallback: number): number {
  return checked(where, name, value, fallback, isNumber(value) && value > 0, 'be a number of milliseconds > 0, or Infinity for no timeout');
}

/** A delay in ms: `fallback` when absent, else a finite number >= 0. */
export function delayOption(where: string, name: string, value: unknown, fallback: number): number {
  return checked(where, name, value, fallback, isNumber(value) && value >= 0 && value < Infinity, 'be a finite number of milliseconds >= 0');
}

/** A count: `fallback` when absent, else a whole number >= 0 or `Infinity`. */
export function countOption(where: string, name: string, value: unknown, fallback: number): number {
  return checked(where, name, value, fallback, isNumber(value) && value >= 0 && (Number.isInteger(value) || value === Infinity), 'be a whole number >= 0, or Infinity');
}

/** A name (namespace, database, host...): absent, or a non-empty string. */
export function nameOption(where: string, name: string, value: unknown): string | undefined {
  return checked(where, name, value, undefined, typeof value === 'string' && value !== '', 'be a non-empty string');
}

/** A callback option: absent, or a function. */
export function functionOption<F>(where: string, name: string, value: F | undefined): F | undefined {
  return checked(where, name, value, undefined, typeof value === 'function', 'be a function');
}

/** One of `allowed`: `allowed[0]` when absent. */
export function choiceOption<const T extends string>(where: string, name: string, value: unknown, allowed: readonly [T, ...T[]]): T {
  return checked(where, name, value, allowed[0], allowed.includes(value as T), `be '${allowed.join("' or '")}'`);
}

/** Refuses options given under a name the API no longer has, pointing at the new one. */
export function renamedOptions(where: string, options: object, renamed: Readonly<Record<string, string>>): void {
  for (const old in renamed) if (Object.hasOwn(options, old)) throw new InvalidOptionError(old, `${where}: the ${old} option is now ${renamed[old]}`);
}

/** A size limit in bytes: `fallback` when absent, else a whole number > 0, or `Infinity` for none. */
export function byteLimitOption(where: string, name: string, value: unknown, fallback: number): number {
  return checked(where, name, value, fallback, isNumber(value) && value > 0 && (Number.isSafeInteger(value) || value === Infinity), 'be a whole number of bytes > 0, or Infinity');
}

/** The TLS settings a Node client takes: the certificate authorities to trust instead of the system's. */
export interface TlsOptions {
  /** PEM certificate(s) of the authorities that signed the server's certificate (e.g. a self-signed one). */
  ca: string | readonly string[];
}

/** `tls`: absent, or `{ ca }` with one PEM text or an array of them. */
export function tlsOption(where: string, value: unknown): TlsOptions | undefined {
  const ca = (value as { ca?: unknown } | null | undefined)?.ca;
  const valid = typeof ca === 'string' || (Array.isArray(ca) && ca.length > 0 && ca.every((one) => typeof one === 'string'));
  return checked(where, 'tls', value, undefined, typeof value === 'object' && value !== null && valid, 'be { ca } with the PEM text of one certificate authority or an array of them');
}
