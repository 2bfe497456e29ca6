/**
 * @module Which RPC methods an unauthenticated session may call. The embedded engine runs with
 * authentication off (every anonymous session is all-powerful), so a server started with root
 * credentials enforces what a real `surreal start --user --pass` does: guests may only
 * authenticate and set up their session.
 */

const GUEST_METHODS: ReadonlySet<string> = new Set([
  'ping',
  'version',
  'info',
  'use',
  'let',
  'set',
  'unset',
  'signin',
  'signup',
  'authenticate',
  'refresh',
  'invalidate',
  'reset',
  'attach',
  'detach',
  'sessions',
]);

/** Methods whose success authenticates the session. */
const AUTHENTICATING_METHODS: ReadonlySet<string> = new Set(['signin', 'signup', 'authenticate', 'refresh']);

/** Methods whose success drops the session's authentication. */
const DEAUTHENTICATING_METHODS: ReadonlySet<string> = new Set(['invalidate', 'reset']);

export function guestMayCall(method: string): boolean {
  return GUEST_METHODS.has(method);
}

/** The session's authentication after `method` succeeded. */
export function authenticatedAfter(method: string, before: boolean): boolean {
  if (AUTHENTICATING_METHODS.has(method)) return true;
  if (DEAUTHENTICATING_METHODS.has(method)) return false;
  return before;
}
