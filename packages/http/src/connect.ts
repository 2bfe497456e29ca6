/**
 * @module `connect`: the entry point, with the same shape as @sdb/ws's: a URL, the namespace and
 * database, `auth`, and a default `timeout`. Signs in once (or checks the server answers), then
 * resolves an `HttpClient`. Each entry (browser, Node) binds it to its own `HttpTransport`.
 */
import type { Auth } from '@sdb/protocol';
import { HttpClient } from './http-client.ts';
import type { HttpTransportOn, HttpTransportOptions } from './http-transport.ts';

export interface ConnectOptions extends HttpTransportOptions {
  /**
   * Credentials, an access token, or a callback answering either. When the token expires or the
   * server rejects it, the client asks the callback again, else uses the refresh token (access
   * methods `WITH REFRESH`), else signs in again with the credentials.
   */
  auth?: Auth;
}

/** `connect` for an entry: `transport` builds that entry's `HttpTransport`. */
export function connectOver(transport: (url: string | URL, options: HttpTransportOptions) => HttpTransportOn) {
  /** An `HttpClient` for the SurrealDB server at `url` (`http(s)://host:port`, `/rpc` optional). */
  return async function connect(url: string | URL, options: ConnectOptions = {}): Promise<HttpClient> {
    const { auth, ...transportOptions } = options;
    const client = new HttpClient(transport(url, transportOptions));
    try {
      if (auth !== undefined) await client.transport.useAuth(auth);
      else await client.transport.probe();
    } catch (error) {
      await client.close();
      throw error;
    }
    return client;
  };
}
