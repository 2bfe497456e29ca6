/**
 * @module Client-side errors: connection, timeout, abort and protocol failures, and the checks
 * on a method's arguments and a transport's options, all thrown before or instead of an answer.
 */
import { SdbError, errorBrand, errorClass } from './errors.ts';

/** The server cannot be reached, or the connection failed. */
export const ConnectionError = /*#__PURE__*/ errorClass(SdbError, 'ConnectionError');
export type ConnectionError = SdbError;
/** The connection or transport was closed while the call was pending, or before it was made. */
export const ConnectionClosedError = /*#__PURE__*/ errorClass(ConnectionError, 'ConnectionClosedError');
export type ConnectionClosedError = SdbError;
/** A call exceeded its `timeout`; its slot is freed. */
export const TimeoutError = /*#__PURE__*/ errorClass(SdbError, 'TimeoutError');
export type TimeoutError = SdbError;
/** The server sent something that is not a valid RPC frame or result. */
export const ProtocolError = /*#__PURE__*/ errorClass(SdbError, 'ProtocolError');
export type ProtocolError = SdbError;

/** A call's `signal` was aborted. Named `AbortError`, as the platform names aborts (so its class is not made by `errorClass`). */
export class RequestAbortedError extends SdbError {
  static override readonly [errorBrand]: string = 'AbortError';
}

/**
 * A method was called with an argument of the wrong kind (from untyped JavaScript, or through
 * `any`); thrown before anything is sent. `method` and `argument` name the call and the parameter.
 */
export class InvalidArgumentError extends SdbError {
  static override readonly [errorBrand]: string = 'InvalidArgumentError';

  constructor(
    readonly method: string,
    readonly argument: string,
    message: string,
  ) {
    super(message);
  }
}

/** An option given to `connect`, a transport or `startServer` is invalid; `option` names it (e.g. `reconnect.jitter`). */
export class InvalidOptionError extends SdbError {
  static override readonly [errorBrand]: string = 'InvalidOptionError';
  /** The option's name, dotted for a nested one. */
  declare readonly option: string;

  constructor(option: string, message: string) {
    super(message);
    this.option = option;
  }
}

/**
 * The connection was lost and the client gave up on it (reconnecting is off, or every attempt
 * failed): the user closed nothing. `cause` is the last attempt's error, when there was one.
 */
export class ConnectionLostError extends ConnectionClosedError {
  static override readonly [errorBrand]: string = 'ConnectionLostError';
  /** Reconnect attempts made before giving up (0 when reconnecting is off). */
  declare readonly attempts: number;

  constructor(message: string, attempts: number, options?: { cause?: unknown }) {
    super(message, options);
    this.attempts = attempts;
  }
}

/** A call was made in a server session after the session was closed (`close()`, or the end of its `await using` block). */
export const SessionClosedError = /*#__PURE__*/ errorClass(ConnectionClosedError, 'SessionClosedError');
export type SessionClosedError = SdbError;
