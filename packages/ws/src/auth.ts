/**
 * @module Authentication a session can replay: what the last successful signin/signup/authenticate
 * was (kept privately, never logged), and how to get authenticated again on a fresh socket or
 * after the session expired: the auth callback, the access token while it is valid, the refresh
 * token, then the stored credentials.
 */
import { NotAllowedError, credentialsToWire, tokensFromWire, type AuthTokens, type Uuid, type WireCredentials } from '@sdb/protocol';
import type { Auth, AuthValue } from './options.ts';
import { tokenExpired } from './token-expiry.ts';

/** The last authentication of a session, as the transport observed it. */
export type StoredAuth =
  /** `signin`/`signup` with these wire credentials, answered with these tokens. */
  | { kind: 'credentials'; credentials: WireCredentials; tokens: AuthTokens }
  /** `authenticate` with a token the user gave. */
  | { kind: 'token'; token: string };

/** Sends one call on the socket being set up, in a given session. */
export type Send = (method: string, params: readonly unknown[], session: Uuid | undefined) => Promise<unknown>;

/** Authenticates with an auth value (signin for credentials, authenticate for a token); answers what to store. */
export async function applyAuth(send: Send, value: AuthValue, session: Uuid | undefined): Promise<StoredAuth> {
  if (typeof value === 'string') {
    await send('authenticate', [value], session);
    return { kind: 'token', token: value };
  }
  const credentials = credentialsToWire(value);
  return { kind: 'credentials', credentials, tokens: tokensFromWire(await send('signin', [credentials], session)) };
}

/** Resolves an `auth` option to its value, asking the callback if it is one. */
export async function authValue(auth: Auth): Promise<AuthValue> {
  const value = typeof auth === 'function' ? await auth() : auth;
  if (typeof value !== 'string' && (typeof value !== 'object' || value === null)) {
    throw new TypeError('auth must be credentials, a token string, or a function returning one');
  }
  return value;
}

/**
 * Authenticates a fresh (or expired) session again. A callback wins (it may hand out a fresh
 * token); otherwise the stored access token while valid, then the refresh token, then the stored
 * credentials; with nothing stored yet, the `auth` option's value. Throws the server's error
 * when nothing works.
 */
export async function restoreAuth(send: Send, stored: StoredAuth | undefined, source: Auth | undefined, session: Uuid | undefined): Promise<StoredAuth | undefined> {
  if (typeof source === 'function' || (stored === undefined && source !== undefined)) return applyAuth(send, await authValue(source), session);
  if (stored === undefined) return undefined;
  if (stored.kind === 'token') {
    await send('authenticate', [stored.token], session);
    return stored;
  }
  const { credentials, tokens } = stored;
  if (!tokenExpired(tokens.access, 1000)) {
    try {
      await send('authenticate', [tokens.access], session);
      return stored;
    } catch (error) {
      if (!(error instanceof NotAllowedError)) throw error;
    }
  }
  if (tokens.refresh !== undefined) {
    // SurrealDB 3 `refresh` takes the (possibly expired) pair, authenticates the session and revokes the old refresh token.
    try {
      const refreshed = tokensFromWire(await send('refresh', [{ access: tokens.access, refresh: tokens.refresh }], session));
      return { kind: 'credentials', credentials, tokens: refreshed };
    } catch (error) {
      if (!(error instanceof NotAllowedError) || credentials.refresh !== undefined) throw error;
    }
  }
  const renewed = tokensFromWire(await send('signin', [credentials], session));
  return { kind: 'credentials', credentials, tokens: renewed };
}
