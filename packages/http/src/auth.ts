/**
 * @module The `auth` option of `connect` (the same type names and shape as @sdb/ws):
 * credentials, a token, or a callback answering either, asked again whenever the token expires
 * or is rejected; and how it is applied.
 */
import type { RpcClient, SigninCredentials } from '@sdb/protocol';

/** Credentials to sign in with, or an access token (a JWT) to authenticate with. */
export type AuthValue = SigninCredentials | string;

/** What `connect` accepts as `auth`. A callback is called at connect and whenever a fresh token is needed. */
export type Auth = AuthValue | (() => AuthValue | Promise<AuthValue>);

/** Signs `client` in with credentials, or authenticates it with a token. */
export async function applyAuth(client: RpcClient, auth: AuthValue): Promise<void> {
  if (typeof auth === 'string') await client.authenticate(auth);
  else await client.signin(auth);
}
