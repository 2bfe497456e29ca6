/**
 * @module Reads a JWT's `exp` claim so the client can sign in again before sending a request
 * with a token the server will reject. The token is never verified here (the server does that).
 */

/** Milliseconds since the epoch at which `token` expires, or `undefined` when it says nothing. */
export function tokenExpiresAt(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='))) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
  } catch {
    // Not a JWT we can read (an opaque bearer key): let the server judge it.
    return undefined;
  }
}
