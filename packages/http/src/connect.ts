/**
 * @module `connect`: the entry point, with the same shape as @sdb/ws's: a URL, the namespace and
 * database, `auth`, and a default `timeout`. Signs in once (or checks the server answers), then
 * resolves an `HttpClient`.
 */
import type { Auth } from '@sdb/protocol';
import { HttpClient } from './http-client.ts';
import { HttpTransport, type HttpTransportOptions } from './http-transport.ts';

export interface ConnectOptions extends HttpTransportOptions {
  /**
   * Credentials, an access token, or a callback answering either. When the token expires or the
   * server rejects it, the client asks the callback again, else uses the refresh token (access
   * methods `WITH REFRESH`), else signs in again with the credentials.
   */
  auth?: Auth;
}

/** An `HttpClient` for the SurrealDB server at `url` (`http(s)://host:port`, `/rpc` optional). */
export async function connect(url: string | URL, options: ConnectOptions = {}): Promise<HttpClient> {
  const { auth, ...transportOptions } = options;
  const client = new HttpClient(new HttpTransport(url, transportOptions));
  try {
    if (auth !== undefined) await client.transport.useAuth(auth);
    else await client.transport.probe();
  } catch (error) {
    await client.close();
    throw error;
  }
  return client;
}
