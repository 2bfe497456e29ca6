/**
 * @module Clients for record-user tests: a root client and guest clients (no auth, to sign up or
 * in as record users) in one fresh namespace and database on the server under test, over @sdb/ws
 * or @sdb/http. Every client opened is closed by `close()`.
 */
import { connect as connectHttp } from '@sdb/http';
import { connect as connectWs } from '@sdb/ws';
import { surrealdb, uniqueScope } from '../../embedded/test-support/index.ts';
import type { OrmClient } from '../src/index.ts';

export type UserTransport = 'ws' | 'http';

/** A client that signs in: the @sdb/ws or @sdb/http client. */
export type SigningClient = OrmClient & { close(): Promise<void>; info(): Promise<unknown> };

export interface RecordUserScope {
  namespace: string;
  database: string;
  root: SigningClient;
  /** A client signed in as nobody yet, in the same namespace and database. */
  guest(): Promise<SigningClient>;
  close(): Promise<void>;
}

export async function recordUserScope(transport: UserTransport, prefix: string): Promise<RecordUserScope> {
  const server = surrealdb();
  const scope = uniqueScope(`${prefix}_${transport}`);
  const opened: SigningClient[] = [];
  const open = async (auth?: { username: string; password: string }): Promise<SigningClient> => {
    const options = { ...scope, ...(auth ? { auth } : {}) };
    const client = transport === 'ws' ? await connectWs(server.url, options) : await connectHttp(server.httpUrl, options);
    opened.push(client);
    return client;
  };
  const root = await open({ username: server.user, password: server.pass });
  return {
    ...scope,
    root,
    guest: () => open(),
    close: async () => {
      await Promise.all(opened.map((client) => client.close().catch(() => undefined)));
    },
  };
}
