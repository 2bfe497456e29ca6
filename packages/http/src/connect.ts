/**
 * @module `connect`: the entry point, with the same shape as @sdb/ws's: a URL, the namespace and
 * database, `auth`, and a default `timeout`. Signs in once (or checks the server answers), then
 * resolves an `HttpClient`.
 */
import { resolveAuth, type Auth, type AuthValue, type RpcClient } from '@sdb/protocol';
import { HttpClient } from './http-client.ts';
import { HttpTransport, type HttpTransportOptions } from './http-transport.ts';

export interface ConnectOptions extends HttpTransportOptions {
  /**
   * Credentials, an access token, or a callback answering either. Credentials (and the callback)
   * are kept to sign in again when the token expires or the server rejects it.
   */
  auth?: Auth;
}

/** An `HttpClient` for the SurrealDB server at `url` (`http(s)://host:port`, `/rpc` optional). */
export async function connect(url: string | URL, options: ConnectOptions = {}): Promise<HttpClient> {
  const { auth, ...transportOptions } = options;
  const client = new HttpClient(new HttpTransport(url, transportOptions));
  try {
    if (typeof auth === 'function') {
      await client.transport.useAuthCallback(async () => applyAuth(client, await resolveAuth(auth)));
    } else if (auth !== undefined) {
      await applyAuth(client, auth);
    } else {
      await client.transport.probe();
    }
  } catch (error) {
    await client.close();
    throw error;
  }
  return client;
}

/** Signs `client` in with credentials, or authenticates it with a token. */
async function applyAuth(client: RpcClient, auth: AuthValue): Promise<void> {
  if (typeof auth === 'string') await client.authenticate(auth);
  else await client.signin(auth);
}
