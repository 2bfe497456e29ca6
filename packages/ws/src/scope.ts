/// <reference lib="esnext.disposable" />
/**
 * @module What the client and its sessions share: every RPC method, bound to one server session,
 * plus live subscriptions and transactions in that session. A scope satisfies the `Queryable`
 * client contract (ql, pool, orm take it) and is also a `Transport`.
 */
import {
  Table,
  type CallOptions,
  type CompiledQuery,
  type LiveNotification,
  type Queryable,
  type PatchOperation,
  type RpcMethod,
  type RpcParams,
  type RpcResult,
  type TransactionOptions,
  type Transport,
  type TransportCapabilities,
  type Uuid,
} from '@sdb/protocol';
import { checkArguments, queryText, runTransaction } from '@sdb/protocol/transport';
import type { LiveSubscription } from './live.ts';
import { RpcBase } from './rpc-base.ts';
import { WsTransaction } from './transaction.ts';
import type { WsTransport } from './transport.ts';

export interface LiveOptions extends CallOptions {
  /** Ask for JSON Patch diffs instead of whole records. */
  diff?: boolean;
}

export abstract class WsScope extends RpcBase implements Queryable, Transport {
  readonly capabilities: TransportCapabilities = { live: true, stateful: true };
  /** The server session this scope's calls run in; undefined for the socket's own session. */
  declare readonly sessionId: Uuid | undefined;
  protected declare readonly core: WsTransport;

  constructor(core: WsTransport, session: Uuid | undefined) {
    super(core);
    this.core = core;
    this.sessionId = session;
  }

  /** Sends one RPC call in this scope's session (the `Transport` contract; the typed methods use it). */
  call<M extends RpcMethod>(method: M, params: RpcParams<M>, options?: CallOptions): Promise<RpcResult<M>>;
  call(method: string, params: readonly unknown[], options?: CallOptions): Promise<unknown>;
  call(method: string, params: readonly unknown[], options: CallOptions = {}): Promise<unknown> {
    return this.core.call(method, params, this.sessionId === undefined || options.session !== undefined ? options : { ...options, session: this.sessionId });
  }

  /** Every live notification on the socket (subscriptions get theirs through `live`). */
  onNotification(listener: (notification: LiveNotification) => void): () => void {
    return this.core.onNotification(listener);
  }

  abstract close(): Promise<void>;

  /** `await using`: closes the scope when its block ends. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  /**
   * Starts a live query on a table and answers its subscription: iterate it (`for await`) or
   * `.on(cb)`; `kill()` stops it. After a reconnect it is re-issued and a `RESUMED` message says
   * that changes may have been missed.
   */
  live<T = Record<string, unknown>>(table: Table | string, options?: LiveOptions & { diff?: false }): Promise<LiveSubscription<T>>;
  /** With `diff: true`, each message's `result` is the JSON Patch that turns the previous record into this one. */
  live(table: Table | string, options: LiveOptions & { diff: true }): Promise<LiveSubscription<PatchOperation[]>>;
  live<T = Record<string, unknown>>(table: Table | string, options?: LiveOptions): Promise<LiveSubscription<T | PatchOperation[]>>;
  async live(table: Table | string, options: LiveOptions = {}): Promise<LiveSubscription<unknown>> {
    checkArguments('live', ['table', table, 'table'], ['options', options, 'object']);
    const { diff = false, ...callOptions } = options;
    return this.core.subscribe({ kind: 'table', table: typeof table === 'string' ? new Table(table) : table, diff }, this.sessionId, callOptions);
  }

  /**
   * Runs one `LIVE SELECT ...` statement (with bound values) and answers its subscription; it is
   * re-issued after a reconnect like `live`.
   */
  async liveQuery<T = Record<string, unknown>>(sql: string | CompiledQuery, vars?: Record<string, unknown>, options: CallOptions = {}): Promise<LiveSubscription<T>> {
    checkArguments('liveQuery', ['sql', sql, 'query'], ['vars', vars, 'object?'], ['options', options, 'object']);
    const [query, bound] = queryText(sql, vars);
    return this.core.subscribe<T>({ kind: 'query', query, vars: bound }, this.sessionId, options);
  }

  /**
   * Subscribes to a live query started elsewhere (e.g. a `LIVE SELECT` inside a larger `query`).
   * It cannot be re-issued: a reconnect ends it with a `ConnectionClosedError`.
   */
  async subscribe<T = Record<string, unknown>>(id: Uuid): Promise<LiveSubscription<T>> {
    checkArguments('subscribe', ['id', id, 'uuid']);
    return this.core.subscribe<T>({ kind: 'id' }, this.sessionId, {}, id);
  }

  /**
   * Runs `fn` in a transaction (`begin`, calls with `txn`, `commit`); any throw cancels it, so
   * nothing it wrote remains. With `retries`, a transaction conflict runs `fn` again.
   */
  transaction<T>(fn: (tx: WsTransaction) => Promise<T>, options?: TransactionOptions): Promise<T> {
    return runTransaction(this.core, this.sessionId, (id) => new WsTransaction(this.core, id, this.sessionId), fn, options);
  }
}
