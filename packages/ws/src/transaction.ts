/**
 * @module `WsTransaction`: the client inside a ws scope's `transaction(fn)` (begin, commit,
 * cancel and conflict retries are @sdb/protocol's `runTransaction`). It has every RPC method and
 * satisfies the `Queryable` contract: a transaction is a client.
 */
import type { CallOptions, Queryable, RpcMethod, RpcParams, RpcResult, Uuid } from '@sdb/protocol';
import { RpcBase } from './rpc-base.ts';
import type { WsTransport } from './transport.ts';

/** The client inside `transaction(fn)`: every call runs in the transaction (and the scope's session). */
export class WsTransaction extends RpcBase implements Queryable {
  /** The transaction id from `begin`. */
  declare readonly txn: Uuid;
  declare readonly session: Uuid | undefined;
  readonly #core: WsTransport;

  constructor(core: WsTransport, txn: Uuid, session: Uuid | undefined) {
    super(core);
    this.#core = core;
    this.txn = txn;
    this.session = session;
  }

  call<M extends RpcMethod>(method: M, params: RpcParams<M>, options?: CallOptions): Promise<RpcResult<M>>;
  call(method: string, params: readonly unknown[], options?: CallOptions): Promise<unknown>;
  call(method: string, params: readonly unknown[], options: CallOptions = {}): Promise<unknown> {
    return this.#core.call(method, params, { ...options, session: this.session, txn: this.txn });
  }
}
