/**
 * @module When an access token (a JWT) expires, read from its `exp` claim without verifying it
 * (the server does that): only so a client can sign in again before the server refuses it.
 */

/** Unix milliseconds at which `token` expires, or undefined when it is not a JWT with `exp` (an opaque bearer key, say). */
export function tokenExpiresAt(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='))) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `token` has expired, or will within `marginMs`. */
export function tokenExpired(token: string, marginMs = 0): boolean {
  const expiresAt = tokenExpiresAt(token);
  return expiresAt !== undefined && Date.now() + marginMs >= expiresAt;
}
