/**
 * @module The database connection a command runs on: @sdb/ws for `ws://`/`wss://` URLs, @sdb/http
 * for `http://`/`https://`, in the config's namespace and database, signed in with its `auth`.
 * A one-shot command does not reconnect: a refused or lost connection fails the command.
 */
import { connect as connectHttp } from '@sdb/http';
import { ConnectionError, type Queryable } from '@sdb/protocol';
import { connect as connectWs } from '@sdb/ws';
import { redactUrl, type ResolvedConfig } from './config.ts';
import { ConfigError } from './errors.ts';

/** A client and the way to close it. */
export interface Connection {
  client: Queryable;
  close(): Promise<void>;
}

/** Opens the config's connection; a server that cannot be reached fails with a `ConnectionError` naming the URL. */
export async function openConnection(config: ResolvedConfig): Promise<Connection> {
  const { url, namespace, database, auth } = config;
  if (url === undefined) throw new ConfigError(config.file, 'this command needs a database: set "url" (or SURREAL_URL)');
  if (namespace === undefined || database === undefined) throw new ConfigError(config.file, 'this command needs "namespace" and "database" (or SURREAL_NAMESPACE and SURREAL_DATABASE)');
  const options = { namespace, database, ...(auth !== undefined ? { auth } : {}) };
  try {
    const client = url.startsWith('http') ? await connectHttp(url, options) : await connectWs(url, { ...options, reconnect: false, whenDisconnected: 'fail' });
    return { client, close: () => client.close() };
  } catch (error) {
    if (!(error instanceof ConnectionError)) throw error;
    throw new ConnectionError(`cannot connect to ${redactUrl(url)}: ${reasonOf(error)}`, { cause: error });
  }
}

/** The innermost message of an error chain: "connect ECONNREFUSED 127.0.0.1:1" rather than a wrapper's. */
function reasonOf(error: Error): string {
  let reason: unknown = error;
  while (reason instanceof Error && reason.cause instanceof Error) reason = reason.cause;
  return reason instanceof Error ? reason.message : String(reason);
}
