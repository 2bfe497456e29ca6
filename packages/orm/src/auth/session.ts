/**
 * @module Signing up, signing in and refreshing as a record user of a model's access method, and
 * reading who is signed in (`$auth`). These calls change who the client is: give each user a
 * client (or @sdb/ws session) of their own rather than the shared default connection. Passwords
 * travel as sign-in variables only; no ORM error names or echoes one.
 */
import { InvalidArgumentError, NotAllowedError, RecordId, type AuthTokens, type SignupCredentials } from '@sdb/protocol';
// A namespace import: a bundle then keeps only the function namespaces used here, not the whole catalogue.
import { call } from '@sdb/functions/core';
import { param, ret, run, select } from '@sdb/ql';
import { resolveClient, type OrmClient, type Using } from '../connection.ts';
import { ModelDefinitionError } from '../errors.ts';
import { hydrate, type Hydratable } from '../query/hydrate.ts';
import { recordToCreate, type ModelShape } from '../schema/validate.ts';
import type { ModelAccess } from './access.ts';

/** Where to sign in: the client (default: the default connection) and, when the client cannot say, its namespace and database. */
export interface AuthOptions {
  using?: Using;
  namespace?: string;
  database?: string;
}

/** What `signup` and `signin` answer: the signed-in user, and the tokens (`refresh` with `refresh: true`). */
export interface SignedIn<I> {
  user: I;
  tokens: AuthTokens;
}

/** A client that signs in: @sdb/ws clients and sessions, @sdb/http clients, the embedded client. */
interface AuthClient extends OrmClient {
  signup(credentials: SignupCredentials): Promise<AuthTokens>;
  signin(credentials: SignupCredentials): Promise<AuthTokens>;
  refresh(tokens: AuthTokens): Promise<AuthTokens>;
}

/** What the auth calls need of a model. */
export interface AuthModel extends ModelShape, Hydratable {
  readonly access: ModelAccess | undefined;
}

function accessOf(model: AuthModel, method: string): ModelAccess {
  if (model.access === undefined) throw new ModelDefinitionError(`${model.table}.${method}(): the model declares no access method (model('${model.table}', fields, { access: { name, ... } }))`);
  return model.access;
}

function authClient(method: string, using: Using | undefined): AuthClient {
  const client = resolveClient(using) as Partial<AuthClient>;
  if (typeof client.signin !== 'function' || typeof client.signup !== 'function' || typeof client.refresh !== 'function') {
    throw new InvalidArgumentError(method, 'options.using', 'Signing in needs a client with signup/signin/refresh: an @sdb/ws client or session, an @sdb/http client, the embedded client (not a transaction or a pool)');
  }
  return client as AuthClient;
}

/**
 * The namespace and database to sign in to: as given, else those the client's session has selected
 * (a guest session may not ask: then a typed error says to pass them).
 */
async function scopeOf(method: string, client: OrmClient, options: AuthOptions): Promise<{ namespace: string; database: string }> {
  if (options.namespace !== undefined && options.database !== undefined) return { namespace: options.namespace, database: options.database };
  const missing = () => new InvalidArgumentError(method, 'options', 'Sign-in needs the namespace and database: pass { namespace, database } (a client signed in as nobody cannot ask its session)');
  const [namespace, database] = await run(client, ret([call('session::ns'), call('session::db')])).catch((error: unknown) => {
    throw error instanceof NotAllowedError ? missing() : error;
  });
  const chosen = { namespace: options.namespace ?? namespace, database: options.database ?? database };
  if (typeof chosen.namespace !== 'string' || typeof chosen.database !== 'string') throw missing();
  return chosen as { namespace: string; database: string };
}

/** The record user signed in on the client, as an instance of `model`; `undefined` for a system user, a guest, or a user of another table. */
export async function currentUser<I>(model: AuthModel, using: Using | undefined): Promise<I | undefined> {
  // A session signed in as nobody may not query at all (NotAllowed): then no one is signed in.
  const rows = await run(resolveClient(using), select<Record<string, unknown>>(param('auth'))).catch((error: unknown) => {
    if (error instanceof NotAllowedError) return [];
    throw error;
  });
  const row = rows[0];
  const id = row?.id;
  return id instanceof RecordId && id.table === model.table ? hydrate<I>(model, [row!])[0] : undefined;
}

async function signedIn<I>(model: AuthModel, client: OrmClient, tokens: AuthTokens, method: string): Promise<SignedIn<I>> {
  const user = await currentUser<I>(model, client);
  // The access method's SIGNIN/SIGNUP chose a record of another table, or one the user may not read.
  if (user === undefined) throw new InvalidArgumentError(method, 'model', `The access method signed in a user that is not a readable ${model.table} record; its table permissions must let a user select their own record`);
  return { user, tokens };
}

/** Creates a user through the access method's SIGNUP (the data checked first) and signs the client in as them. */
export async function signup<I>(model: AuthModel, data: Record<string, unknown>, options: AuthOptions = {}): Promise<SignedIn<I>> {
  const access = accessOf(model, 'signup');
  const client = authClient('signup', options.using);
  const { id: _id, ...variables } = recordToCreate(model, data);
  const tokens = await client.signup({ ...(await scopeOf('signup', client, options)), access: access.name, variables });
  return signedIn(model, client, tokens, 'signup');
}

/** Signs the client in through the access method's SIGNIN with `credentials` (its variables: identity fields and password). */
export async function signin<I>(model: AuthModel, credentials: Record<string, unknown>, options: AuthOptions = {}): Promise<SignedIn<I>> {
  const access = accessOf(model, 'signin');
  const client = authClient('signin', options.using);
  if (typeof credentials !== 'object' || credentials === null) throw new InvalidArgumentError('signin', 'credentials', 'credentials are an object of the sign-in variables');
  for (const key of [...(access.identity ?? []), ...(access.password !== undefined ? [access.password] : [])]) {
    if (credentials[key] === undefined) throw new InvalidArgumentError('signin', `credentials.${key}`, `${model.table} signs in with ${[...access.identity!, access.password].join(' and ')}`);
  }
  const tokens = await client.signin({ ...(await scopeOf('signin', client, options)), access: access.name, variables: credentials });
  return signedIn(model, client, tokens, 'signin');
}

/** Exchanges tokens (with the refresh token of an access declared `refresh: true`) for new ones and authenticates the client with them. */
export async function refresh(model: AuthModel, tokens: AuthTokens, options: { using?: Using } = {}): Promise<AuthTokens> {
  accessOf(model, 'refresh');
  return authClient('refresh', options.using).refresh(tokens);
}
