/// <reference lib="esnext.disposable" />
/**
 * @module `EngineClient`: the shared `RpcClient` over an `EngineTransport` (so it satisfies the
 * `Queryable` contract), plus interactive transactions (the engine keeps them between calls, as a
 * WebSocket server does) and `close`. @sdb/embedded's and @sdb/wasm's clients are this class.
 */
import { RpcClient } from './client.ts';
import { RpcTransaction, runTransaction, type TransactionOptions } from './transaction.ts';
import type { Transport } from './transport.ts';

export class EngineClient<T extends Transport = Transport> extends RpcClient {
  declare readonly transport: T;

  constructor(transport: T) {
    super(transport);
  }

  /**
   * Runs `fn` in a transaction (`begin`, calls with `txn`, `commit`); any throw cancels it, so
   * nothing it wrote remains. With `retries`, a transaction conflict runs `fn` again.
   */
  transaction<R>(fn: (tx: RpcTransaction) => Promise<R>, options?: TransactionOptions): Promise<R> {
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
