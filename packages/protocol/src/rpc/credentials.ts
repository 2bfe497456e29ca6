/**
 * @module Typed sign-in and sign-up credentials, translated to the keys the SurrealDB 3 server
 * reads (`NS`, `DB`, `AC`, `user`, `pass`, `refresh`, `key`), and tokens normalised to one shape.
 */
import { ProtocolError } from './client-errors.ts';
import type { WireCredentials, WireToken } from './methods.ts';

/** A system user: root (no namespace), namespace (namespace only) or database (both). */
export interface UserCredentials {
  username: string;
  password: string;
  namespace?: string;
  database?: string;
}

/**
 * A record access method (`DEFINE ACCESS ... TYPE RECORD`), at database level (with `database`)
 * or namespace level; `variables` are what its SIGNIN/SIGNUP clauses read (`$email`, `$pass`, ...).
 */
export interface AccessCredentials {
  namespace: string;
  database?: string;
  access: string;
  variables?: Record<string, unknown>;
}

/** A bearer access method (`TYPE BEARER`): signs in with a bearer key. */
export interface BearerCredentials {
  namespace: string;
  database?: string;
  access: string;
  key: string;
}

/** Signs in again with the refresh token of a record access method defined `WITH REFRESH`. */
export interface RefreshCredentials {
  namespace: string;
  database?: string;
  access: string;
  refresh: string;
}

export type SigninCredentials = UserCredentials | AccessCredentials | BearerCredentials | RefreshCredentials;
/** Only record access methods allow sign-up. */
export type SignupCredentials = AccessCredentials;

/** Tokens from `signin`, `signup` or `refresh`: always an access token, plus a refresh token with `WITH REFRESH`. */
export interface AuthTokens {
  access: string;
  refresh?: string;
}

/** The wire credentials object for typed credentials. */
export function credentialsToWire(credentials: SigninCredentials): WireCredentials {
  // Variables go first so that they can never override the target or the secret fields.
  const wire: WireCredentials = 'variables' in credentials && credentials.variables ? { ...credentials.variables } : {};
  if (credentials.namespace !== undefined) wire.NS = credentials.namespace;
  if (credentials.database !== undefined) wire.DB = credentials.database;
  if ('access' in credentials) wire.AC = credentials.access;
  if ('username' in credentials) {
    wire.user = credentials.username;
    wire.pass = credentials.password;
  }
  if ('key' in credentials) wire.key = credentials.key;
  if ('refresh' in credentials) wire.refresh = credentials.refresh;
  return wire;
}

/** `signin`/`signup`/`refresh` results as `AuthTokens`. */
export function tokensFromWire(token: unknown): AuthTokens {
  if (typeof token === 'string') return { access: token };
  if (typeof token === 'object' && token !== null) {
    const { access, refresh } = token as { access?: unknown; refresh?: unknown };
    if (typeof access === 'string' && (refresh === undefined || refresh === null || typeof refresh === 'string')) {
      return typeof refresh === 'string' ? { access, refresh } : { access };
    }
  }
  // Never echo the value: it may be a token.
  throw new ProtocolError('The server answered an authentication call with something that is not a token');
}

const SECRET_NAME = /pass|secret|token|key/i;

/** The secret strings in credentials, so errors can be scrubbed of them. */
export function secretsOf(credentials: SigninCredentials | AuthTokens | string): string[] {
  if (typeof credentials === 'string') return [credentials];
  const secrets: string[] = [];
  for (const key of ['password', 'key', 'refresh', 'access'] as const) {
    const value = (credentials as unknown as Record<string, unknown>)[key];
    if (typeof value === 'string') secrets.push(value);
  }
  const variables = (credentials as { variables?: Record<string, unknown> }).variables;
  for (const [name, value] of Object.entries(variables ?? {})) {
    if (SECRET_NAME.test(name) && typeof value === 'string') secrets.push(value);
  }
  return secrets.filter((secret) => secret.length > 0);
}

/** Credentials to sign in with, or an access token (a JWT) to authenticate with. */
export type AuthValue = SigninCredentials | string;

/**
 * The `auth` option of every sdb client: credentials, a token, or a callback asked for either
 * whenever authentication is needed (at connect, and again after a reconnect or an expired
 * token), so short-lived tokens can be fetched fresh.
 */
export type Auth = AuthValue | (() => AuthValue | Promise<AuthValue>);

/** An `auth` option's value, asking the callback when it is one; a callback answering anything else is a `TypeError`. */
export async function resolveAuth(auth: Auth): Promise<AuthValue> {
  const value = typeof auth === 'function' ? await auth() : auth;
  if (typeof value !== 'string' && (typeof value !== 'object' || value === null)) {
    throw new TypeError('auth must be credentials, a token string, or a function returning one');
  }
  return value;
}
