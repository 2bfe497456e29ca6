/**
 * @module Recognises a server answer that means "your token is no longer accepted" (expired,
 * signed with a rotated key, unknown), as opposed to "you may not do this": only the former is
 * worth one re-sign-in and retry.
 */
import { NotAllowedError, ServerError } from '@sdb/protocol';

const TOKEN_PROBLEMS = new Set(['InvalidAuth', 'TokenExpired', 'SessionExpired', 'InvalidToken', 'InvalidSignature', 'ExpiredToken']);

/** `httpStatus` is the HTTP status the error came with (401 when the server refused the Authorization header). */
export function isRejectedToken(error: unknown, httpStatus: number | undefined): boolean {
  if (httpStatus === 401) return true;
  if (error instanceof NotAllowedError) return error.authReason !== undefined && TOKEN_PROBLEMS.has(error.authReason);
  return error instanceof ServerError && error.message === 'InvalidToken';
}
