/**
 * @module What a command prints. Plain mode: progress lines and the result as text on stdout.
 * `--json`: stdout carries exactly one JSON document (the result, or `{ ok: false, error }`), and
 * progress lines go to stderr, so scripts can parse stdout. Every line is scrubbed of the
 * configured password before it is written, whatever produced it.
 */

/** Where `sdb` writes (process.stdout/stderr, or a test's buffers). */
export interface Output {
  write(text: string): unknown;
}

export class Reporter {
  readonly #stdout: Output;
  readonly #stderr: Output;
  readonly #secrets: string[] = [];

  constructor(
    stdout: Output,
    stderr: Output,
    readonly json: boolean,
  ) {
    this.#stdout = stdout;
    this.#stderr = stderr;
  }

  /** Never print `secret` (a password), from now on. */
  hide(secret: string): void {
    if (secret.length > 0) this.#secrets.push(secret);
  }

  /** A progress line: one per step of a long run. */
  step(line: string): void {
    (this.json ? this.#stderr : this.#stdout).write(`${this.#scrub(line)}\n`);
  }

  /** A command's result: `lines` in plain mode, `data` as JSON with `--json`. */
  result(lines: readonly string[], data: unknown): void {
    if (this.json) this.#stdout.write(`${this.#scrub(JSON.stringify({ ok: true, ...asObject(data) }, jsonValue, 2))}\n`);
    else if (lines.length > 0) this.#stdout.write(`${this.#scrub(lines.join('\n'))}\n`);
  }

  /** A failure: its message on stderr, and with `--json` also as `{ ok: false, error }` on stdout. */
  failure(command: string, error: unknown): void {
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    this.#stderr.write(`${this.#scrub(`sdb ${command}: ${message}`)}\n`);
    if (this.json) this.#stdout.write(`${this.#scrub(JSON.stringify({ ok: false, error: { name, message } }, null, 2))}\n`);
  }

  /** Text the user sees as it is, for an interactive command (the shell's banner). */
  say(text: string): void {
    this.#stdout.write(this.#scrub(text));
  }

  #scrub(text: string): string {
    return this.#secrets.reduce((scrubbed, secret) => scrubbed.replaceAll(secret, '***'), text);
  }
}

function asObject(data: unknown): Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : { result: data };
}

/** Record ids, dates and other value classes print as their SurrealQL text. */
function jsonValue(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype && !(value instanceof Date) && typeof (value as { toString?: unknown }).toString === 'function') {
    return String(value);
  }
  return value;
}
