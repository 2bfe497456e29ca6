/**
 * @module @sdb/pool: a pool of sdb clients (@sdb/ws, @sdb/http, embedded) over one or many
 * endpoints in front of one datastore. The pool is a client itself (the `Queryable` contract),
 * so @sdb/ql's `run(pool, q)` and the ORM run on it.
 */
export { createPool, Pool, type PoolCallOptions } from './pool.ts';
export type { PoolStats } from './members.ts';
export { Lease } from './lease.ts';
export type { PoolMember } from './member.ts';
export type { BackoffOptions, PoolOptions, PoolStrategy } from './options.ts';
export { NoHealthyEndpointError, PoolClosedError, PoolTimeoutError, type EndpointStats } from './errors.ts';
