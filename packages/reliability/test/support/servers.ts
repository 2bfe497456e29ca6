/**
 * @module Clients on the server under test (the vitest global setup's), each in a fresh namespace
 * and database, closed by `closeAll()`.
 */
import { connect as connectWs, type ConnectOptions, type WsClient } from '@sdb/ws';
import { surrealdb, uniqueScope } from '../../../embedded/test-support/index.ts';

export { surrealdb, uniqueScope };

const opened: { close(): Promise<void> }[] = [];

/** Root credentials of the server under test, as every sdb client takes them. */
export function rootAuth(): { username: string; password: string } {
  const { user, pass } = surrealdb();
  return { username: user, password: pass };
}

/** A root @sdb/ws client on `url` (default: the server under test) in a fresh scope. */
export async function wsClient(options: ConnectOptions = {}, url = surrealdb().url): Promise<WsClient> {
  const db = await connectWs(url, { ...uniqueScope('rel'), auth: rootAuth(), ...options });
  opened.push(db);
  return db;
}

/** Remembers `closable` for `closeAll()`. */
export function track<T extends { close(): Promise<void> }>(closable: T): T {
  opened.push(closable);
  return closable;
}

export async function closeAll(): Promise<void> {
  await Promise.all(opened.splice(0).map((client) => client.close().catch(() => undefined)));
}
