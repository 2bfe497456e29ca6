/**
 * @module Params of an RPC call with its secrets masked, for logs and diagnostics hooks:
 * passwords, keys, tokens and record-access variables never leave the call.
 */

const MASK = '***';
/** Credential keys that only name the target; every other credential value is masked. */
const VISIBLE_CREDENTIALS = new Set(['NS', 'DB', 'AC', 'ns', 'db', 'ac', 'user']);

/** `params` as they may be logged: credentials and tokens of auth methods masked, other methods' params unchanged. */
export function redactParams(method: string, params: readonly unknown[]): readonly unknown[] {
  switch (method) {
    case 'signin':
    case 'signup':
      return params.map(redactCredentials);
    case 'authenticate':
    case 'refresh':
    case 'revoke':
      return params.map(() => MASK);
    default:
      return params;
  }
}

function redactCredentials(credentials: unknown): unknown {
  if (typeof credentials !== 'object' || credentials === null) return MASK;
  const masked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(credentials)) masked[key] = VISIBLE_CREDENTIALS.has(key) ? value : MASK;
  return masked;
}
