/**
 * @module The `auth` option of `connect`: credentials, a token, or a callback that produces
 * either (asked again whenever the token expires or is rejected), and how it is applied.
 */
import type { RpcClient, SigninCredentials } from '@sdb/protocol';

/** Credentials to sign in with, or an access token (a string) to authenticate with. */
export type Auth = SigninCredentials | string;

/** What `connect` accepts as `auth`. A callback is called at connect and whenever a fresh token is needed. */
export type AuthOption = Auth | (() => Auth | Promise<Auth>);

/** Signs `client` in with credentials, or authenticates it with a token. */
export async function applyAuth(client: RpcClient, auth: Auth): Promise<void> {
  if (typeof auth === 'string') await client.authenticate(auth);
  else await client.signin(auth);
}
