/**
 * @module Authentication a session can replay: the tokens it holds and the credentials that got
 * them (kept privately, never logged), and how to get authenticated again on a fresh socket or
 * after the session expired: the auth callback, the access token while it is valid, the refresh
 * token, then the stored credentials.
 */
import { NotAllowedError, credentialsToWire, resolveAuth, tokenExpired, tokensFromWire, type Auth, type AuthTokens, type AuthValue, type Uuid, type WireCredentials } from '@sdb/protocol';

/** The last authentication of a session, as the transport observed it. */
export interface StoredAuth {
  /** From `signin`/`signup`/`refresh`, or the token given to `authenticate` (then without a refresh token). */
  tokens: AuthTokens;
  /** The wire credentials of the last `signin`/`signup`, to sign in again when the tokens no longer work. */
  credentials?: WireCredentials;
}

/** Sends one call on the socket being set up, in a given session. */
export type Send = (method: string, params: readonly unknown[], session: Uuid | undefined) => Promise<unknown>;

/** Authenticates with an auth value (signin for credentials, authenticate for a token); answers what to store. */
export async function applyAuth(send: Send, value: AuthValue, session: Uuid | undefined): Promise<StoredAuth> {
  if (typeof value === 'string') {
    await send('authenticate', [value], session);
    return { tokens: { access: value } };
  }
  const credentials = credentialsToWire(value);
  return { tokens: tokensFromWire(await send('signin', [credentials], session)), credentials };
}

/**
 * Authenticates a fresh (or expired) session again. A callback wins (it may hand out a fresh
 * token); otherwise the stored access token while valid, then the refresh token, then the stored
 * credentials; with nothing stored yet, the `auth` option's value. Throws the server's last
 * refusal when nothing works.
 */
export async function restoreAuth(send: Send, stored: StoredAuth | undefined, source: Auth | undefined, session: Uuid | undefined): Promise<StoredAuth | undefined> {
  if (typeof source === 'function' || (stored === undefined && source !== undefined)) return applyAuth(send, await resolveAuth(source), session);
  if (stored === undefined) return undefined;
  const { tokens, credentials } = stored;
  let refusal: unknown;
  const attempt = async (run: () => Promise<StoredAuth>): Promise<StoredAuth | undefined> => {
    try {
      return await run();
    } catch (error) {
      // Only an auth refusal moves on to the next way; anything else (a lost socket) stops here.
      if (!(error instanceof NotAllowedError)) throw error;
      refusal = error;
      return undefined;
    }
  };
  if (!tokenExpired(tokens.access, 1000)) {
    const restored = await attempt(async () => {
      await send('authenticate', [tokens.access], session);
      return stored;
    });
    if (restored) return restored;
  }
  if (tokens.refresh !== undefined) {
    // SurrealDB 3 `refresh` takes the (possibly expired) pair, authenticates the session and revokes the old refresh token.
    const pair = { access: tokens.access, refresh: tokens.refresh };
    const restored = await attempt(async () => ({ ...stored, tokens: tokensFromWire(await send('refresh', [pair], session)) }));
    if (restored) return restored;
  }
  // Credentials that were themselves a refresh grant are spent: only real credentials can sign in again.
  if (credentials !== undefined && credentials.refresh === undefined) {
    const restored = await attempt(async () => ({ credentials, tokens: tokensFromWire(await send('signin', [credentials], session)) }));
    if (restored) return restored;
  }
  throw refusal ?? new NotAllowedError({ code: -32002, message: 'The session could not be authenticated again: the token expired and there is no refresh token or credentials', kind: 'NotAllowed' });
}
