/**
 * @module Named connections: `configure({ default: client, analytics: other })` once, then every
 * manager and queryset runs on `default` unless `.using(name | client)` says otherwise.
 */
import type { Queryable } from '@sdb/protocol';
import { UnknownConnectionError } from './errors.ts';

/**
 * What the ORM runs on: any client of @sdb/protocol's `Queryable` contract (@sdb/ws clients,
 * sessions and transactions, @sdb/http, the embedded client and its transactions, a pool).
 */
export type OrmClient = Queryable;

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
