/// <reference lib="esnext.disposable" />
/**
 * @module `Lease`: one member of the pool held for a sequence of calls (a session, a
 * transaction), until `release()` or the end of its `await using` block gives it back.
 */
import { ConnectionClosedError, ConnectionError, type CallOptions, type CompiledQuery, type Queryable, type StatementResult } from '@sdb/protocol';
import type { PoolMember } from './member.ts';

/** What the pool does when a lease ends: give the member back, or close it (`discard`). */
export type LeaseEnd = (outcome: 'release' | 'discard') => Promise<void>;

export class Lease<M extends PoolMember> implements Queryable, AsyncDisposable {
  #end: LeaseEnd | undefined;
  #lost = false;

  /** @internal The pool makes leases; `pool.acquire()` answers one. */
  constructor(
    /**
     * The member itself, for everything the pool does not offer (`use`, `let`, `signin`,
     * `transaction`, live queries...). Do not keep it past `release()`.
     */
    readonly client: M,
    end: LeaseEnd,
  ) {
    this.#end = end;
  }

  /** Whether the lease has ended (released, discarded, or ended by `pool.close()`). */
  get released(): boolean {
    return this.#end === undefined;
  }

  query(sql: string | CompiledQuery, vars?: Record<string, unknown>, options?: CallOptions): Promise<StatementResult[]> {
    return this.#watch(() => this.client.query(sql, vars, options));
  }

  queryAll<T extends unknown[] = unknown[]>(sql: string | CompiledQuery, vars?: Record<string, unknown>, options?: CallOptions): Promise<T> {
    return this.#watch(() => this.client.queryAll<T>(sql, vars, options));
  }

  /**
   * Gives the member back to the pool for other calls. It keeps whatever session state the lease
   * gave it (`use`, `let`, `signin`): after changing any, call `discard()` instead. Idempotent.
   */
  release(): Promise<void> {
    return this.#finish(this.#lost ? 'discard' : 'release');
  }

  /** Closes the member instead of giving it back; the pool opens another when it needs one. Idempotent. */
  discard(): Promise<void> {
    return this.#finish('discard');
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.release();
  }

  #finish(outcome: 'release' | 'discard'): Promise<void> {
    const end = this.#end;
    this.#end = undefined;
    return end ? end(outcome) : Promise.resolve();
  }

  /** Runs a call on the member; a lost connection means the member goes, not back to the pool. */
  async #watch<T>(call: () => Promise<T>): Promise<T> {
    if (this.#end === undefined) throw new ConnectionClosedError('This lease was released: acquire another');
    try {
      return await call();
    } catch (error) {
      if (error instanceof ConnectionError) this.#lost = true;
      throw error;
    }
  }
}
