/// <reference lib="esnext.disposable" />
/**
 * @module `EmbeddedClient`: what `connectEmbedded` answers. The shared `RpcClient` over the
 * in-process engine (so it satisfies the `Queryable` contract), plus interactive transactions
 * (the engine keeps them between calls, as a WebSocket server does) and `close`.
 */
import { RpcClient, RpcTransaction, type TransactionOptions } from '@sdb/protocol';
import { runTransaction } from '@sdb/protocol/transport';
import type { EmbeddedTransport } from './transport.ts';

export class EmbeddedClient extends RpcClient {
  declare readonly transport: EmbeddedTransport;

  constructor(transport: EmbeddedTransport) {
    super(transport);
  }

  /**
   * Runs `fn` in a transaction (`begin`, calls with `txn`, `commit`); any throw cancels it, so
   * nothing it wrote remains. With `retries`, a transaction conflict runs `fn` again.
   */
  transaction<T>(fn: (tx: RpcTransaction) => Promise<T>, options?: TransactionOptions): Promise<T> {
    return runTransaction(this.transport, undefined, (id) => new RpcTransaction(this.transport, id, undefined), fn, options);
  }

  /** Closes the engine: calls in flight reject with `ConnectionClosedError`, and so do later calls. */
  close(): Promise<void> {
    return this.transport.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
