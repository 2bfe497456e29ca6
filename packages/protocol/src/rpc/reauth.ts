/**
 * @module Re-authentication, once for every transport: what a client keeps of its last
 * authentication (the tokens, and the credentials that got them, never logged), when a token is
 * stale (its `exp` has passed, or the server refused it), and how to authenticate again: the auth
 * callback, the access token while it is still accepted, the refresh token, then the credentials.
 */
import { credentialsToWire, resolveAuth, tokensFromWire, type Auth, type AuthTokens, type AuthValue } from './credentials.ts';
import { NotAllowedError, ServerError } from './server-errors.ts';
import type { WireCredentials } from './methods.ts';
import { tokenExpired } from './token-expiry.ts';

/** The last authentication of a session, as the transport observed it. */
export interface StoredAuth {
  /** From `signin`/`signup`/`refresh`, or the token given to `authenticate` (then without a refresh token). */
  tokens: AuthTokens;
  /** The wire credentials of the last `signin`/`signup`, to sign in again when the tokens no longer work. */
  credentials?: WireCredentials;
}

/** Sends one auth call (`signin`, `authenticate`, `refresh`) for the session being authenticated. */
export type AuthSend = (method: 'signin' | 'authenticate' | 'refresh', params: readonly unknown[]) => Promise<unknown>;

/** Auth reasons (and bare messages of older servers) that mean "this token is no longer accepted", not "you may not". */
const STALE_REASONS: ReadonlySet<string> = new Set(['TokenExpired', 'SessionExpired', 'ExpiredToken', 'InvalidAuth', 'InvalidToken', 'InvalidSignature']);

/**
 * Whether `tokens`' access token is past its `exp` (a token with no `exp` never is). No margin:
 * the server allows some leeway past `exp`, and a refused token falls through to the next way.
 */
export function tokenStale(tokens: AuthTokens): boolean {
  return tokenExpired(tokens.access);
}

/**
 * Whether `error` says the session's token or session is no longer accepted, so that
 * authenticating again and retrying once may help (HTTP 401 counts; a permission denial does not).
 */
export function isStaleAuthError(error: unknown): boolean {
  if (!(error instanceof ServerError)) return false;
  if (error.status === 401) return true;
  const reason = error instanceof NotAllowedError ? error.authReason : undefined;
  return STALE_REASONS.has(reason ?? error.message);
}

/** Whether `restoreAuth` has anything to try: a callback, a refresh token, or credentials that are not a spent refresh grant. */
export function canRestoreAuth(stored: StoredAuth | undefined, source: Auth | undefined): boolean {
  if (typeof source === 'function') return true;
  if (stored === undefined) return source !== undefined;
  return stored.tokens.refresh !== undefined || (stored.credentials !== undefined && stored.credentials.refresh === undefined);
}

/** Authenticates with an auth value (signin for credentials, authenticate for a token); answers what to store. */
export async function applyAuth(send: AuthSend, value: AuthValue): Promise<StoredAuth> {
  if (typeof value === 'string') {
    await send('authenticate', [value]);
    return { tokens: { access: value } };
  }
  const credentials = credentialsToWire(value);
  return { tokens: tokensFromWire(await send('signin', [credentials])), credentials };
}

/**
 * Authenticates a fresh (or expired) session again. A callback wins (it may hand out a fresh
 * token); otherwise the stored access token while valid (skipped when the server has just
 * refused it: `tokenRefused`), then the refresh token, then the stored credentials; with
 * nothing stored yet, the `auth` option's value. Throws the server's last refusal when nothing works.
 */
export async function restoreAuth(send: AuthSend, stored: StoredAuth | undefined, source: Auth | undefined, tokenRefused = false): Promise<StoredAuth | undefined> {
  if (typeof source === 'function' || (stored === undefined && source !== undefined)) return applyAuth(send, await resolveAuth(source));
  if (stored === undefined) return undefined;
  const { tokens, credentials } = stored;
  const ways: (() => Promise<StoredAuth>)[] = [];
  if (!tokenRefused && !tokenStale(tokens)) ways.push(async () => (await send('authenticate', [tokens.access]), stored));
  // SurrealDB 3 `refresh` takes the (possibly expired) pair, authenticates the session and revokes the old refresh token.
  if (tokens.refresh !== undefined) ways.push(async () => ({ ...stored, tokens: tokensFromWire(await send('refresh', [{ access: tokens.access, refresh: tokens.refresh }])) }));
  // Credentials that were themselves a refresh grant are spent: only real credentials can sign in again.
  if (credentials !== undefined && credentials.refresh === undefined) ways.push(async () => ({ credentials, tokens: tokensFromWire(await send('signin', [credentials])) }));
  let refusal: unknown = new NotAllowedError({ code: -32002, kind: 'NotAllowed', message: 'The session could not be authenticated again: no way left (token refused or expired, no refresh token, no credentials)' });
  for (const way of ways) {
    try {
      return await way();
    } catch (error) {
      // Only an auth refusal moves on to the next way; anything else (a lost connection) stops here.
      if (!(error instanceof NotAllowedError)) throw error;
      refusal = error;
    }
  }
  throw refusal;
}
