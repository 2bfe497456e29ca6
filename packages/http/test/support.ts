/**
 * @module Test helpers: the server under test (from the shared global setup) and a root
 * @sdb/http client in a fresh namespace/database, so tests never see each other's data.
 */
import { surrealdb, uniqueScope } from '../../embedded/test-support/index.ts';
import { connect, type ConnectOptions, type HttpClient } from '@sdb/http';

export { surrealdb, uniqueScope };

export interface RootClient {
  db: HttpClient;
  namespace: string;
  database: string;
}

/** A client signed in as root, using a namespace/database no other test uses. */
export async function rootClient(options: ConnectOptions = {}): Promise<RootClient> {
  const server = surrealdb();
  const scope = uniqueScope('http');
  const db = await connect(server.httpUrl, { ...scope, auth: { username: server.user, password: server.pass }, ...options });
  return { db, ...scope };
}
