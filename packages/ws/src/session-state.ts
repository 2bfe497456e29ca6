/**
 * @module What each server session on a socket holds that a new socket must be given again:
 * namespace and database, `let` variables, authentication. Kept up to date by watching the
 * calls that change it succeed, whoever made them.
 */
import type { Uuid, WireCredentials } from '@sdb/protocol';
import { tokensFromWire, type StoredAuth } from '@sdb/protocol/transport';
import type { Auth } from '@sdb/protocol';

export interface SessionState {
  /** The session id; undefined for the socket's own session. */
  session: Uuid | undefined;
  namespace: string | undefined;
  database: string | undefined;
  variables: Map<string, unknown>;
  auth: StoredAuth | undefined;
  /** The `auth` option the session was opened with (a callback is asked again on every restore). */
  source: Auth | undefined;
}

export function keyOf(session: Uuid | undefined): string {
  return session === undefined ? '' : session.toJSON();
}

export function newSessionState(session: Uuid | undefined, init: { namespace?: string | undefined; database?: string | undefined; auth?: Auth | undefined } = {}): SessionState {
  return { session, namespace: init.namespace, database: init.database, variables: new Map(), auth: undefined, source: init.auth };
}

/** What a successful call changed in its session's state; `'detached'` when the session ended. */
export function observeCall(state: SessionState, method: string, params: readonly unknown[], result: unknown): 'detached' | 'reset' | undefined {
  switch (method) {
    case 'use': {
      const selected = (result ?? {}) as { namespace?: unknown; database?: unknown };
      state.namespace = typeof selected.namespace === 'string' ? selected.namespace : undefined;
      state.database = typeof selected.database === 'string' ? selected.database : undefined;
      return undefined;
    }
    case 'let':
    case 'set': {
      const [name, value] = params;
      if (typeof name !== 'string') return undefined;
      const key = name.startsWith('$') ? name.slice(1) : name;
      // The server removes a variable set to NONE.
      if (value === undefined) state.variables.delete(key);
      else state.variables.set(key, value);
      return undefined;
    }
    case 'unset':
      if (typeof params[0] === 'string') state.variables.delete(params[0].startsWith('$') ? params[0].slice(1) : params[0]);
      return undefined;
    case 'signin':
    case 'signup':
      // An explicit sign-in replaces the `auth` option: restores replay this one from now on.
      state.auth = { tokens: tokensFromWire(result), credentials: params[0] as WireCredentials };
      state.source = undefined;
      adoptScope(state, params[0] as WireCredentials);
      return undefined;
    case 'authenticate':
      if (typeof params[0] === 'string') state.auth = { tokens: { access: params[0] } };
      state.source = undefined;
      return undefined;
    case 'refresh':
      state.auth = { ...state.auth, tokens: tokensFromWire(result) };
      return undefined;
    case 'invalidate':
      state.auth = undefined;
      state.source = undefined;
      return undefined;
    case 'reset':
      state.auth = undefined;
      state.source = undefined;
      state.namespace = undefined;
      state.database = undefined;
      state.variables.clear();
      return 'reset';
    case 'detach':
      return 'detached';
    default:
      return undefined;
  }
}

/** Record-access sign-in selects the namespace and database it names (as the server does). */
function adoptScope(state: SessionState, credentials: WireCredentials): void {
  if (credentials.AC === undefined) return;
  if (typeof credentials.NS === 'string') state.namespace = credentials.NS;
  if (typeof credentials.DB === 'string') state.database = credentials.DB;
}
