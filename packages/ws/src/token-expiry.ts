/**
 * @module When an access token (a JWT) expires, read from its `exp` claim without verifying it:
 * only to decide whether to re-authenticate before the server refuses it.
 */

/** Unix milliseconds at which the token expires, or undefined when it is not a JWT with `exp`. */
export function tokenExpiresAt(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const json = JSON.parse(atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='))) as { exp?: unknown };
    return typeof json.exp === 'number' ? json.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the token has expired, or will within `marginMs`. */
export function tokenExpired(token: string, marginMs = 0): boolean {
  const expiresAt = tokenExpiresAt(token);
  return expiresAt !== undefined && Date.now() + marginMs >= expiresAt;
}
