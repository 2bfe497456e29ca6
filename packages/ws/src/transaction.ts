/**
 * @module Transactions over RPC (`begin` / calls with `txn` / `commit`, `cancel` on any throw),
 * and retrying a transaction that lost a write conflict (SurrealDB 3: kind `Query`, detail
 * `TransactionConflict`, message "... This transaction can be retried").
 */
import { ServerError, StatementError, type CallOptions, type RpcMethod, type RpcParams, type RpcResult, type Uuid } from '@sdb/protocol';
import { RpcBase } from './rpc-base.ts';
import type { WsTransport } from './transport.ts';

export interface TransactionOptions {
  /** How many times to run the function again after a transaction conflict (default 0: never). */
  retries?: number;
  /** Base delay in ms between conflict retries, doubled each time, with jitter (default 20). */
  retryDelay?: number;
  /** Per-call timeout for `begin`, `commit` and `cancel`. */
  timeout?: number;
}

/** The client inside `transaction(fn)`: every call runs in the transaction (and the scope's session). */
export class WsTransaction extends RpcBase {
  /** The transaction id from `begin`. */
  readonly id: Uuid;
  readonly session: Uuid | undefined;
  readonly #core: WsTransport;

  constructor(core: WsTransport, id: Uuid, session: Uuid | undefined) {
    super(core);
    this.#core = core;
    this.id = id;
    this.session = session;
  }

  call<M extends RpcMethod>(method: M, params: RpcParams<M>, options?: CallOptions): Promise<RpcResult<M>>;
  call(method: string, params: readonly unknown[], options?: CallOptions): Promise<unknown>;
  call(method: string, params: readonly unknown[], options: CallOptions = {}): Promise<unknown> {
    return this.#core.call(method, params, { ...options, session: this.session, txn: this.id });
  }
}

/** Whether an error says the transaction lost a read/write conflict and may succeed if run again. */
export function isTransactionConflict(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current instanceof ServerError || current instanceof StatementError) {
      const reason = (current.details as { kind?: unknown } | undefined)?.kind;
      if (reason === 'TransactionConflict') return true;
    }
    if (/can be retried/i.test(current.message)) return true;
  }
  return false;
}

/** Runs `run` again (up to `retries` times, with exponential backoff and jitter) while it fails with a transaction conflict. */
export async function retryOnConflict<T>(run: (attempt: number) => Promise<T>, options: { retries?: number; retryDelay?: number } = {}): Promise<T> {
  const { retries = 3, retryDelay = 20 } = options;
  for (let attempt = 0; ; attempt++) {
    try {
      return await run(attempt);
    } catch (error) {
      if (attempt >= retries || !isTransactionConflict(error)) throw error;
      const delay = retryDelay * 2 ** attempt;
      await new Promise((resolve) => setTimeout(resolve, delay / 2 + Math.random() * (delay / 2)));
    }
  }
}

/** `begin`, run `fn`, `commit`; `cancel` when `fn` or the commit throws. */
export function runTransaction<T>(core: WsTransport, session: Uuid | undefined, fn: (tx: WsTransaction) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const callOptions: CallOptions = options.timeout === undefined ? { session } : { session, timeout: options.timeout };
  return retryOnConflict(
    async () => {
      const id = (await core.call('begin', [], callOptions)) as Uuid;
      const tx = new WsTransaction(core, id, session);
      let result: T;
      try {
        result = await fn(tx);
      } catch (error) {
        await core.call('cancel', [id], callOptions).catch(() => undefined);
        throw error;
      }
      try {
        await core.call('commit', [id], callOptions);
      } catch (error) {
        // A failed commit normally ends the transaction already; make sure nothing stays open.
        await core.call('cancel', [id], callOptions).catch(() => undefined);
        throw error;
      }
      return result;
    },
    { retries: options.retries ?? 0, retryDelay: options.retryDelay ?? 20 },
  );
}
