/**
 * @module Helpers for integration tests in any sdb package (import them by relative path,
 * e.g. `../../embedded/test-support/index.ts`; the vitest global setup must be on, i.e.
 * `packageTests({ database: true })`):
 *
 * - `surrealdb()`: the server under test (URL, HTTP URL, root credentials) from the global setup.
 * - `uniqueScope()`: a fresh namespace/database pair, so tests never see each other's data.
 * - `connectTestClient()`: an `RpcClient` to the real engine, already in a fresh scope.
 *   It runs the engine in-process (`createEmbeddedTransport`) until `@sdb/ws` can connect to
 *   the server under test.
 */
import { RpcClient } from '@sdb/protocol';
import { inject } from 'vitest';
import { createEmbeddedTransport, type EmbeddedTransport } from '../src/transport.ts';
import type { SurrealdbUnderTest } from './provided-context.ts';

export type { SurrealdbUnderTest } from './provided-context.ts';

export interface Scope {
  namespace: string;
  database: string;
}

export interface TestClient extends Scope {
  client: RpcClient;
  transport: EmbeddedTransport;
  /** Closes the transport (and frees its engine). */
  close(): Promise<void>;
}

let counter = 0;

/** The server the global setup chose for this run. */
export function surrealdb(): SurrealdbUnderTest {
  return inject('surrealdb');
}

/** A namespace and database name no other test (or test run) uses: `<prefix>_<time>_<pid>_<n>`. */
export function uniqueScope(prefix = 'test'): Scope {
  const suffix = `${Date.now().toString(36)}_${process.pid}_${++counter}`;
  return { namespace: `${prefix}_ns_${suffix}`, database: `${prefix}_db_${suffix}` };
}

/** An `RpcClient` over an in-process engine, already `use`-ing a fresh namespace and database. */
export async function connectTestClient(prefix = 'test'): Promise<TestClient> {
  const scope = uniqueScope(prefix);
  const transport = await createEmbeddedTransport('mem://');
  const client = new RpcClient(transport);
  await client.use(scope);
  return { ...scope, client, transport, close: () => transport.close() };
}
