/**
 * @module What the pool needs of a member (any sdb client: @sdb/ws, @sdb/http, the embedded
 * client), and the methods it forwards to one: reads, which may run twice safely, and the rest.
 */
import type { CallOptions, Queryable } from '@sdb/protocol';

/** A client the pool can hold: the client contract, plus `ping` (health checks) and `close`. */
export interface PoolMember extends Queryable {
  ping(options?: CallOptions): Promise<void>;
  close(): Promise<void>;
}

/** Methods that only read: sent again on another member when theirs dies mid-call. */
export const READ_METHODS = ['ping', 'version', 'info', 'select'] as const;

/** Methods that may write: never sent twice; a lost member's error reaches the caller. */
export const WRITE_METHODS = ['create', 'insert', 'insertRelation', 'update', 'upsert', 'merge', 'patch', 'delete', 'relate', 'run', 'graphql'] as const;

/** Whether a member says it lost its connection (the clients that report one: the @sdb/ws client's `status`). */
export function lost(client: PoolMember): boolean {
  const status = (client as { status?: unknown }).status;
  return status !== undefined && status !== 'open';
}
