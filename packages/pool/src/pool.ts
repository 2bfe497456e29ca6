/// <reference lib="esnext.disposable" />
/**
 * @module `Pool`: the client over the members. p-queue bounds the calls in flight to `max` and
 * holds the rest in line; each running call takes a member (`Members`), and a read or an
 * idempotent query whose member dies mid-call is sent again on another. Timers keep the members
 * healthy (`checkHealth`) and close idle ones.
 */
import { ConnectionError, type CallOptions, type CompiledQuery, type Queryable, type StatementResult } from '@sdb/protocol';
import PQueue from 'p-queue';
import { PoolClosedError } from './errors.ts';
import { checkHealth } from './health.ts';
import { Lease } from './lease.ts';
import { READ_METHODS, WRITE_METHODS, type PoolMember } from './member.ts';
import { Members, type PoolStats } from './members.ts';
import { resolveOptions, type PoolOptions, type ResolvedOptions } from './options.ts';

/** Call options of `pool.query` and `pool.queryAll`. */
export interface PoolCallOptions extends CallOptions {
  /**
   * The query may run twice safely (it only reads, or it writes idempotently): when its member
   * dies mid-call, it is sent again on another member. Without it, the member's
   * `ConnectionError` reaches the caller, and the query may or may not have run.
   */
  idempotent?: boolean;
}

/** A method of the member type, if it has one. */
type MethodOf<M, K extends string> = K extends keyof M ? M[K] : never;

export class Pool<M extends PoolMember> implements Queryable, AsyncDisposable {
  readonly #options: ResolvedOptions<M>;
  readonly #members: Members<M>;
  readonly #queue: PQueue;
  /** Abort controllers of the calls still in line (not started). */
  readonly #inLine = new Set<AbortController>();
  readonly #leases = new Set<Lease<M>>();
  readonly #timers: ReturnType<typeof setInterval>[] = [];
  #closing: Promise<void> | undefined;

  // Forwarded to some member (installed on the prototype below); reads are retried on another member.
  declare readonly ping: M['ping'];
  declare readonly version: MethodOf<M, 'version'>;
  declare readonly info: MethodOf<M, 'info'>;
  declare readonly select: MethodOf<M, 'select'>;
  declare readonly create: MethodOf<M, 'create'>;
  declare readonly insert: MethodOf<M, 'insert'>;
  declare readonly insertRelation: MethodOf<M, 'insertRelation'>;
  declare readonly update: MethodOf<M, 'update'>;
  declare readonly upsert: MethodOf<M, 'upsert'>;
  declare readonly merge: MethodOf<M, 'merge'>;
  declare readonly patch: MethodOf<M, 'patch'>;
  declare readonly delete: MethodOf<M, 'delete'>;
  declare readonly relate: MethodOf<M, 'relate'>;
  declare readonly run: MethodOf<M, 'run'>;
  declare readonly graphql: MethodOf<M, 'graphql'>;

  static {
    const forward = (method: string, retry: boolean) =>
      Object.defineProperty(Pool.prototype, method, {
        value(this: Pool<PoolMember>, ...args: unknown[]) {
          return this.#call(method, args, retry);
        },
        writable: true,
        configurable: true,
      });
    for (const method of READ_METHODS) forward(method, true);
    for (const method of WRITE_METHODS) forward(method, false);
  }

  /** @internal Use `createPool`. */
  constructor(options: PoolOptions<M>) {
    this.#options = resolveOptions(options);
    this.#members = new Members(this.#options);
    this.#queue = new PQueue({ concurrency: this.#options.max });
    const { healthCheckInterval, idleTimeout } = this.#options;
    if (healthCheckInterval !== Infinity) this.#every(healthCheckInterval, () => checkHealth(this.#members, this.#options));
    if (idleTimeout !== Infinity) this.#every(Math.min(idleTimeout, 1_000), () => this.#members.evictIdle());
    this.#members.fill();
  }

  /** Runs SurrealQL on some member; with `idempotent`, again on another if that member dies mid-call. */
  query(sql: string | CompiledQuery, vars?: Record<string, unknown>, options?: PoolCallOptions): Promise<StatementResult[]> {
    const { idempotent = false, ...callOptions } = options ?? {};
    return this.#call('query', options === undefined ? [sql, vars] : [sql, vars, callOptions], idempotent) as Promise<StatementResult[]>;
  }

  /** `query`, answering every statement's result or throwing the first failed statement's `StatementError`. */
  queryAll<T extends unknown[] = unknown[]>(sql: string | CompiledQuery, vars?: Record<string, unknown>, options?: PoolCallOptions): Promise<T> {
    const { idempotent = false, ...callOptions } = options ?? {};
    return this.#call('queryAll', options === undefined ? [sql, vars] : [sql, vars, callOptions], idempotent) as Promise<T>;
  }

  /**
   * One member for a sequence of calls (a session, a transaction), until `lease.release()` or the
   * end of an `await using` block. Waits at most `acquireTimeout` for a member.
   */
  acquire(): Promise<Lease<M>> {
    return new Promise((resolve, reject) => {
      this.#enqueue(async (deadline) => {
        const member = await this.#members.take(deadline);
        await new Promise<void>((ended) => {
          const lease: Lease<M> = new Lease(member.client, async (outcome) => {
            this.#leases.delete(lease);
            if (outcome === 'release' && !this.#members.closed) this.#members.release(member);
            else await this.#members.remove(member);
            ended();
          });
          this.#leases.add(lease);
          resolve(lease);
        });
      }).catch(reject);
    });
  }

  stats(): PoolStats {
    return this.#members.stats(this.#queue.size);
  }

  /**
   * Drains the pool: calls still waiting for a member reject with `PoolClosedError`, leases end
   * (their members close), calls in flight finish, then every member closes. Idempotent.
   */
  close(): Promise<void> {
    return (this.#closing ??= this.#shutdown());
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  /** Runs `method` on a member; `retry` sends it again on another member when its member dies mid-call. */
  #call(method: string, args: unknown[], retry: boolean): Promise<unknown> {
    return this.#enqueue(async (deadline) => {
      for (let attempt = 1; ; attempt++) {
        const member = await this.#members.take(deadline);
        const sent = Date.now();
        let result: unknown;
        try {
          result = await (member.client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[method]!(...args);
        } catch (error) {
          if (!(error instanceof ConnectionError) || this.#members.closed) {
            this.#members.release(member);
            throw error;
          }
          await this.#members.remove(member, error);
          if (!retry || attempt > this.#members.endpoints.length) throw error;
          // `acquireTimeout` bounds the time spent waiting for members, over every attempt: not the calls themselves.
          deadline += Date.now() - sent;
          continue;
        }
        this.#members.release(member);
        return result;
      }
    });
  }

  /**
   * Puts `task` in line (at most `max` run at once); it rejects typed when the pool is closed,
   * or when it is still in line after `acquireTimeout`. `task` gets the deadline for its member.
   */
  #enqueue<T>(task: (deadline: number) => Promise<T>): Promise<T> {
    if (this.#members.closed) return Promise.reject(new PoolClosedError('The pool is closed'));
    const { acquireTimeout, max } = this.#options;
    const deadline = Date.now() + acquireTimeout;
    const queue = this.#queue;
    // With a slot free, p-queue starts the task at once: no timer, no abort signal (which costs more than the rest of a call).
    if (queue.size === 0 && queue.pending < max) return queue.add(() => task(deadline));
    const inLine = new AbortController();
    const timer = setTimeout(() => {
      this.#inLine.delete(inLine);
      inLine.abort(this.#members.timeoutError());
    }, acquireTimeout);
    this.#inLine.add(inLine);
    // The signal only ever aborts while the task is in line: p-queue would free a running task's slot early.
    return queue.add(
      () => {
        clearTimeout(timer);
        this.#inLine.delete(inLine);
        return task(deadline);
      },
      { signal: inLine.signal },
    );
  }

  #every(interval: number, run: () => void): void {
    const timer = setInterval(run, interval);
    // A pool alone does not keep a Node process alive (its members' sockets decide that).
    (timer as { unref?: () => void }).unref?.();
    this.#timers.push(timer);
  }

  async #shutdown(): Promise<void> {
    this.#members.closed = true;
    for (const timer of this.#timers) clearInterval(timer);
    for (const inLine of this.#inLine) inLine.abort(new PoolClosedError('The pool was closed while this call waited for a member'));
    this.#members.wake();
    await Promise.all([...this.#leases].map((lease) => lease.discard()));
    await this.#queue.onIdle();
    await this.#members.closeAll();
  }
}

/** A pool of clients over `endpoints`; see `PoolOptions`. Validates the options at once (`InvalidOptionError`). */
export function createPool<M extends PoolMember>(options: PoolOptions<M>): Pool<M> {
  return new Pool(options);
}
