/**
 * @module One result per statement of a `query` call: the wire `{status, result, time, ...}`
 * turned into `{ok: true, result}` or `{ok: false, error: StatementError}`.
 */
import { ProtocolError } from './client-errors.ts';
import { StatementError } from './server-errors.ts';

/** A statement that succeeded. `time` is the server's own duration text, e.g. `1.2ms`. */
export interface StatementSuccess<T = unknown> {
  ok: true;
  result: T;
  time: string;
  /** `live` for a LIVE SELECT (the result is its id), `kill` for a KILL. */
  type?: 'live' | 'kill';
}

/** A statement that failed; the other statements of the query still have their own results. */
export interface StatementFailure {
  ok: false;
  error: StatementError;
  time: string;
}

export type StatementResult<T = unknown> = StatementSuccess<T> | StatementFailure;

/** The raw `query` result as `StatementResult`s; a `ProtocolError` when it is not an array of statement results. */
export function statementResults(raw: unknown): StatementResult[] {
  if (!Array.isArray(raw)) throw new ProtocolError('The server answered `query` with something that is not an array');
  return raw.map((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null) throw new ProtocolError(`Statement ${index} has no result object`);
    const { status, result, time, type, kind, details } = entry as Record<string, unknown>;
    const duration = typeof time === 'string' ? time : '';
    if (status === 'OK') {
      return type === 'live' || type === 'kill' ? { ok: true, result, time: duration, type } : { ok: true, result, time: duration };
    }
    if (status === 'ERR') {
      const message = typeof result === 'string' ? result : 'The statement failed';
      const error = new StatementError(index, { message, ...(typeof kind === 'string' ? { kind } : {}), details });
      return { ok: false, error, time: duration };
    }
    throw new ProtocolError(`Statement ${index} has an unknown status`);
  });
}
