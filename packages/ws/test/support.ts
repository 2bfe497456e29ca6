/**
 * @module Test helpers: a client connected as root to the server under test, in a namespace and
 * database no other test uses.
 */
import { surrealdb, uniqueScope, type Scope } from '../../embedded/test-support/index.ts';
import { connect, type ConnectOptions, type WsClient } from '../src/index.ts';

export { surrealdb, uniqueScope };

export interface RootClient extends Scope {
  db: WsClient;
}

/** A root-authenticated client in a fresh namespace/database. */
export async function connectRoot(options: ConnectOptions = {}, url = surrealdb().url): Promise<RootClient> {
  const { user, pass } = surrealdb();
  const scope = uniqueScope('ws');
  const db = await connect(url, { ...scope, auth: { username: user, password: pass }, ...options });
  return { ...scope, db };
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until `condition()` holds, polling; throws after `timeout` ms. */
export async function until(condition: () => boolean | Promise<boolean>, timeout = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(20);
  }
}
