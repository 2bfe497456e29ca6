/**
 * @module Interactive transactions over RPC, for every stateful transport (ws, embedded):
 * `begin`, run the caller's function with a client whose calls carry `txn`, `commit`, and
 * `cancel` on any throw; retrying a transaction that lost a write conflict (SurrealDB 3: kind
 * `Query`, detail `TransactionConflict`, message "... This transaction can be retried").
 */
import type { Uuid } from '../values/uuid.ts';
import { checkArguments } from './arguments.ts';
import { RpcClient } from './client.ts';
import { ServerError, StatementError } from './server-errors.ts';
import type { RpcMethod, RpcParams, RpcResult } from './methods.ts';
import type { CallOptions, Transport } from './transport.ts';

export interface TransactionOptions {
  /** How many times to run the function again after a transaction conflict (default 0: never). */
  retries?: number;
  /** Base delay in ms between conflict retries, doubled each time, with jitter (default 20). */
  retryDelay?: number;
  /** Per-call timeout for `begin`, `commit` and `cancel`. */
  timeout?: number;
}

/** The client inside `transaction(fn)`: every call runs in the transaction (and in its server session). */
export class RpcTransaction extends RpcClient {
  /** The transaction id from `begin`. */
  declare readonly txn: Uuid;
  declare readonly session: Uuid | undefined;

  constructor(transport: Transport, txn: Uuid, session: Uuid | undefined) {
    super(transport);
    this.txn = txn;
    this.session = session;
  }

  protected override call<M extends RpcMethod>(method: M, params: RpcParams<M>, options: CallOptions = {}): Promise<RpcResult<M>> {
    return this.transport.call(method, params, { ...options, session: this.session, txn: this.txn }) as Promise<RpcResult<M>>;
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

/**
 * `begin`, run `fn` with the client `open` makes for the transaction id, `commit`; `cancel` when
 * `fn` or the commit throws, so nothing it wrote remains. With `retries`, a conflict runs `fn` again.
 */
export function runTransaction<Tx, T>(
  transport: Transport,
  session: Uuid | undefined,
  open: (id: Uuid) => Tx,
  fn: (tx: Tx) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  try {
    checkArguments('transaction', ['fn', fn, 'function'], ['options', options, 'object']);
  } catch (error) {
    return Promise.reject(error);
  }
  const callOptions: CallOptions = options.timeout === undefined ? { session } : { session, timeout: options.timeout };
  return retryOnConflict(
    async () => {
      const id = (await transport.call('begin', [], callOptions)) as Uuid;
      let result: T;
      try {
        result = await fn(open(id));
      } catch (error) {
        await transport.call('cancel', [id], callOptions).catch(() => undefined);
        throw error;
      }
      try {
        await transport.call('commit', [id], callOptions);
      } catch (error) {
        // A failed commit normally ends the transaction already; make sure nothing stays open.
        await transport.call('cancel', [id], callOptions).catch(() => undefined);
        throw error;
      }
      return result;
    },
    { retries: options.retries ?? 0, retryDelay: options.retryDelay ?? 20 },
  );
}
