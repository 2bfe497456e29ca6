/**
 * @module Named connections: `configure({ default: client, analytics: other })` once, then every
 * manager and queryset runs on `default` unless `.using(name | client)` says otherwise.
 */
import type { RpcClient } from '@sdb/protocol';
import { UnknownConnectionError } from './errors.ts';

/**
 * What the ORM needs from a client: SurrealQL in, one result per statement out. Every sdb client
 * has it (@sdb/ws clients, sessions and transactions, @sdb/http, the embedded client). The one
 * place to swap for @sdb/protocol's `Queryable` contract once it lands.
 */
export type OrmClient = Pick<RpcClient, 'queryAll'>;

/** A connection name given to `configure`, or a client itself. */
export type Using = string | OrmClient;

let connections: ReadonlyMap<string, OrmClient> = new Map();

/** Names the clients the ORM runs on; `default` is used when nothing says otherwise. Replaces any earlier configuration. */
export function configure(clients: { readonly default?: OrmClient; readonly [name: string]: OrmClient | undefined }): void {
  const entries = Object.entries(clients).filter((entry): entry is [string, OrmClient] => entry[1] !== undefined);
  connections = new Map(entries);
}

/** The client for `using` (default: the `default` connection). */
export function resolveClient(using: Using | undefined): OrmClient {
  if (using !== undefined && typeof using !== 'string') return using;
  const name = using ?? 'default';
  const client = connections.get(name);
  if (client === undefined) throw new UnknownConnectionError(name, [...connections.keys()]);
  return client;
}
