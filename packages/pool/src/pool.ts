/// <reference lib="esnext.disposable" />
/**
 * @module `Pool`: members (clients) over one or many endpoints that share one datastore. p-queue
 * bounds the calls in flight to `max` and holds the rest in line; each running call takes an idle
 * member or opens one (lazily, up to `max`), on the endpoint the strategy picks. Timers keep `min`
 * members warm, close idle ones, ping idle ones (a dead one is replaced) and retry endpoints
 * marked down, with backoff.
 */
import { ConnectionError, TimeoutError, type CallOptions, type CompiledQuery, type Queryable, type StatementResult } from '@sdb/protocol';
import PQueue from 'p-queue';
import { Endpoint, withoutCredentials } from './endpoint.ts';
import { NoHealthyEndpointError, PoolClosedError, PoolTimeoutError, type EndpointStats } from './errors.ts';
import { Lease } from './lease.ts';
import { READ_METHODS, WRITE_METHODS, lost, type PoolMember } from './member.ts';
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

export interface PoolStats {
  /** Open members. */
  size: number;
  /** Members free for the next call. */
  idle: number;
  /** Members serving a call or a lease, or being health-checked. */
  busy: number;
  /** Calls and `acquire`s waiting for a member. */
  waiting: number;
  endpoints: EndpointStats[];
}

/** A method of the member type, if it has one. */
type MethodOf<M, K extends string> = K extends keyof M ? M[K] : never;

interface Member<M> {
  readonly client: M;
  readonly endpoint: Endpoint;
  state: 'idle' | 'busy' | 'checking';
  /** When it last became idle (ms since the epoch). */
  idleSince: number;
}

export class Pool<M extends PoolMember> implements Queryable, AsyncDisposable {
  readonly #options: ResolvedOptions<M>;
  readonly #endpoints: Endpoint[];
  readonly #members = new Set<Member<M>>();
  /** Each endpoint's idle members, the most recently used last. */
  readonly #idle = new Map<Endpoint, Member<M>[]>();
  readonly #queue: PQueue;
  /** Abort controllers of the calls still in line (not started). */
  readonly #inLine = new Set<AbortController>();
  /** Started calls waiting for a member. */
  #taking = 0;
  readonly #wakers = new Set<() => void>();
  readonly #leases = new Set<Lease<M>>();
  readonly #connects = new Set<Promise<void>>();
  readonly #timers: ReturnType<typeof setInterval>[] = [];
  #turn = 0;
  #lastConnectError: unknown;
  /** Set at once by `close()`, before anything it awaits. */
  #closed = false;
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
    this.#endpoints = this.#options.endpoints.map((url) => new Endpoint(url, withoutCredentials(url)));
    for (const endpoint of this.#endpoints) this.#idle.set(endpoint, []);
    this.#queue = new PQueue({ concurrency: this.#options.max });
    const { healthCheckInterval, idleTimeout } = this.#options;
    if (healthCheckInterval !== Infinity) this.#every(healthCheckInterval, () => this.#checkHealth());
    if (idleTimeout !== Infinity) this.#every(Math.min(idleTimeout, 1_000), () => this.#evictIdle());
    this.#fill();
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
        const member = await this.#take(deadline);
        await new Promise<void>((ended) => {
          const lease: Lease<M> = new Lease(member.client, async (outcome) => {
            this.#leases.delete(lease);
            if (outcome === 'release' && !this.#closed) this.#release(member);
            else await this.#remove(member, undefined);
            ended();
          });
          this.#leases.add(lease);
          resolve(lease);
        });
      }).catch(reject);
    });
  }

  stats(): PoolStats {
    let idle = 0;
    for (const members of this.#idle.values()) idle += members.length;
    return {
      size: this.#members.size,
      idle,
      busy: this.#members.size - idle,
      waiting: this.#queue.size + this.#taking,
      endpoints: this.#endpoints.map((endpoint) => endpoint.stats()),
    };
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

  // ----- calls -----

  /** Runs `method` on a member; `retry` sends it again on another member when its member dies mid-call. */
  #call(method: string, args: unknown[], retry: boolean): Promise<unknown> {
    return this.#enqueue(async (deadline) => {
      for (let attempt = 1; ; attempt++) {
        const member = await this.#take(deadline);
        const sent = Date.now();
        let result: unknown;
        try {
          result = await (member.client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[method]!(...args);
        } catch (error) {
          if (!(error instanceof ConnectionError) || this.#closed) {
            this.#release(member);
            throw error;
          }
          await this.#remove(member, error);
          if (!retry || attempt > this.#endpoints.length) throw error;
          // `acquireTimeout` bounds the time spent waiting for members, over every attempt: not the calls themselves.
          deadline += Date.now() - sent;
          continue;
        }
        this.#release(member);
        return result;
      }
    });
  }

  /**
   * Puts `task` in line (at most `max` run at once); it rejects typed when the pool is closed,
   * or when it is still in line after `acquireTimeout`. `task` gets the deadline for its member.
   */
  #enqueue<T>(task: (deadline: number) => Promise<T>): Promise<T> {
    if (this.#closed) return Promise.reject(new PoolClosedError('The pool is closed'));
    const { acquireTimeout, max } = this.#options;
    const deadline = Date.now() + acquireTimeout;
    const queue = this.#queue;
    // With a slot free, p-queue starts the task at once: no timer, no abort signal (which costs more than the rest of a call).
    if (queue.size === 0 && queue.pending < max) return queue.add(() => task(deadline));
    const inLine = new AbortController();
    const timer = setTimeout(() => {
      this.#inLine.delete(inLine);
      inLine.abort(this.#timeoutError());
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

  /** An idle member, or one opened for this call; waits (until `deadline`) while there is neither. */
  async #take(deadline: number): Promise<Member<M>> {
    this.#taking++;
    // The member this call is having opened, if any: one at a time, so that a busy pool does not open more than it needs.
    let opening: Promise<void> | undefined;
    try {
      for (;;) {
        if (this.#closed) throw new PoolClosedError('The pool was closed while this call waited for a member');
        const member = this.#pickIdle();
        if (member) {
          member.state = 'busy';
          member.endpoint.busy++;
          return member;
        }
        if (Date.now() >= deadline) throw this.#timeoutError();
        if (!(opening && this.#connects.has(opening)) && this.#size() < this.#options.max) opening = this.#grow();
        await this.#changed(deadline);
      }
    } finally {
      this.#taking--;
    }
  }

  #release(member: Member<M>): void {
    if (!this.#members.has(member)) return;
    if (member.state === 'busy') member.endpoint.busy--;
    this.#makeIdle(member, Date.now());
    this.#wake();
  }

  #makeIdle(member: Member<M>, since: number): void {
    member.state = 'idle';
    member.idleSince = since;
    this.#idle.get(member.endpoint)!.push(member);
  }

  /** Closes a member and forgets it; with `failure`, its endpoint is marked down (and its other idle members go too). */
  async #remove(member: Member<M>, failure: unknown): Promise<void> {
    if (this.#members.delete(member)) {
      const { endpoint } = member;
      endpoint.members--;
      const idle = this.#idle.get(endpoint)!;
      if (member.state === 'busy') endpoint.busy--;
      else if (member.state === 'idle' && idle.includes(member)) idle.splice(idle.indexOf(member), 1);
      if (failure !== undefined && endpoint.healthy) {
        endpoint.failed(Date.now(), this.#options.backoff);
        for (const other of idle.splice(0)) void this.#remove(other, undefined);
      }
      this.#wake();
      if (!this.#closed) this.#fill();
    }
    await member.client.close().catch(() => undefined);
  }

  // ----- choosing members and endpoints -----

  /** An idle member of the endpoint the strategy picks, the most recently used one (so that the others can be evicted). */
  #pickIdle(): Member<M> | undefined {
    const roundRobin = this.#options.strategy === 'round-robin';
    for (;;) {
      let best: Endpoint | undefined;
      for (const endpoint of this.#endpoints) {
        if (this.#idle.get(endpoint)!.length === 0) continue;
        if (!best || (roundRobin ? this.#distance(endpoint) < this.#distance(best) : endpoint.busy < best.busy)) best = endpoint;
      }
      if (!best) return undefined;
      const member = this.#idle.get(best)!.pop()!;
      if (lost(member.client)) {
        member.state = 'checking';
        void this.#remove(member, new ConnectionError('The member lost its connection'));
        continue;
      }
      if (roundRobin) this.#turn = this.#endpoints.indexOf(best) + 1;
      return member;
    }
  }

  /** How many turns until `endpoint` is next, round-robin. */
  #distance(endpoint: Endpoint): number {
    const count = this.#endpoints.length;
    return (this.#endpoints.indexOf(endpoint) - (this.#turn % count) + count) % count;
  }

  /** The endpoint for a new member: one that may be connected to now, by strategy. */
  #pickEndpoint(): Endpoint | undefined {
    const now = Date.now();
    let best: Endpoint | undefined;
    for (const endpoint of this.#endpoints) {
      if (!endpoint.usable(now)) continue;
      if (!best) best = endpoint;
      else if (this.#options.strategy === 'round-robin' ? this.#distance(endpoint) < this.#distance(best) : load(endpoint) < load(best)) best = endpoint;
    }
    if (best && this.#options.strategy === 'round-robin') this.#turn = this.#endpoints.indexOf(best) + 1;
    return best;
  }

  // ----- growing and shrinking -----

  /** Open members and members being opened. */
  #size(): number {
    let connecting = 0;
    for (const endpoint of this.#endpoints) connecting += endpoint.connecting;
    return this.#members.size + connecting;
  }

  /** Starts opening a member on `endpoint` (default: the one the strategy picks); undefined if none may be used now. */
  #grow(endpoint = this.#pickEndpoint()): Promise<void> | undefined {
    if (!endpoint || this.#closed) return undefined;
    if (!endpoint.healthy) endpoint.probing = true;
    endpoint.connecting++;
    const connecting = Promise.resolve()
      .then(() => this.#options.connect(endpoint.url))
      .then(
        (client) => {
          endpoint.connecting--;
          endpoint.probing = false;
          if (this.#closed) return client.close().catch(() => undefined);
          endpoint.succeeded();
          endpoint.members++;
          const member: Member<M> = { client, endpoint, state: 'idle', idleSince: 0 };
          this.#members.add(member);
          this.#makeIdle(member, Date.now());
        },
        (error: unknown) => {
          endpoint.connecting--;
          endpoint.probing = false;
          this.#lastConnectError = error;
          endpoint.failed(Date.now(), this.#options.backoff);
        },
      )
      .finally(() => {
        this.#connects.delete(connecting);
        this.#wake();
      });
    this.#connects.add(connecting);
    return connecting;
  }

  /** Opens members until `min` are open or being opened (on endpoints that may be used now). */
  #fill(): void {
    while (this.#size() < this.#options.min && this.#grow());
  }

  #evictIdle(): void {
    const now = Date.now();
    const idle = [...this.#idle.values()].flat().sort((a, b) => a.idleSince - b.idleSince);
    for (const member of idle) {
      if (this.#members.size <= this.#options.min || now - member.idleSince < this.#options.idleTimeout) break;
      void this.#remove(member, undefined);
    }
  }

  /** Pings every idle member (a dead one is replaced) and tries endpoints marked down whose backoff is over. */
  #checkHealth(): void {
    // Endpoints first: a full pool makes room for one by closing an idle member, which must not be mid-ping.
    const now = Date.now();
    for (const endpoint of this.#endpoints) {
      if (endpoint.healthy || !endpoint.usable(now)) continue;
      // A full pool makes room on the busiest endpoint, so that traffic comes back to this one.
      if (this.#size() >= this.#options.max) {
        const spare = [...this.#idle.values()].flat().sort((a, b) => load(b.endpoint) - load(a.endpoint))[0];
        if (!spare) continue;
        void this.#remove(spare, undefined);
      }
      this.#grow(endpoint);
    }
    this.#fill();
    const timeout = this.#options.healthCheckTimeout;
    for (const member of [...this.#idle.values()].flatMap((idle) => idle.splice(0))) {
      member.state = 'checking';
      withDeadline(member.client.ping({ timeout }), timeout).then(
        () => {
          if (member.state !== 'checking' || !this.#members.has(member)) return;
          this.#makeIdle(member, member.idleSince);
          this.#wake();
        },
        (error: unknown) => this.#remove(member, error),
      );
    }
  }

  // ----- waiting -----

  /** Resolves when members or endpoints change, at the next endpoint retry, or at `deadline`. */
  #changed(deadline: number): Promise<void> {
    const now = Date.now();
    let until = deadline;
    for (const endpoint of this.#endpoints) if (!endpoint.healthy && !endpoint.probing && endpoint.retryAt > now) until = Math.min(until, endpoint.retryAt);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, until - now));
      this.#wakers.add(done);
    });
  }

  #wake(): void {
    if (this.#wakers.size > 0) for (const waker of [...this.#wakers]) waker();
  }

  #timeoutError(): NoHealthyEndpointError | PoolTimeoutError {
    const { acquireTimeout } = this.#options;
    if (this.#endpoints.every((endpoint) => !endpoint.healthy)) {
      const endpoints = this.#endpoints.map((endpoint) => endpoint.stats());
      const list = endpoints.map((endpoint) => `${endpoint.url} (${endpoint.failures} failures)`).join(', ');
      return new NoHealthyEndpointError(`No endpoint could be reached within ${acquireTimeout} ms: ${list}`, endpoints, { cause: this.#lastConnectError });
    }
    return new PoolTimeoutError(`No member came free within ${acquireTimeout} ms (${this.#members.size} open, max ${this.#options.max})`);
  }

  #every(interval: number, run: () => void): void {
    const timer = setInterval(run, interval);
    // A pool alone does not keep a Node process alive (its members' sockets decide that).
    (timer as { unref?: () => void }).unref?.();
    this.#timers.push(timer);
  }

  async #shutdown(): Promise<void> {
    this.#closed = true;
    for (const timer of this.#timers) clearInterval(timer);
    for (const inLine of this.#inLine) inLine.abort(new PoolClosedError('The pool was closed while this call waited for a member'));
    this.#wake();
    await Promise.all([...this.#leases].map((lease) => lease.discard()));
    await this.#queue.onIdle();
    await Promise.allSettled([...this.#connects]);
    await Promise.all([...this.#members].map((member) => this.#remove(member, undefined)));
  }
}

/** Members on an endpoint, open or being opened: least-busy opens the next one where there are fewest. */
function load(endpoint: Endpoint): number {
  return endpoint.members + endpoint.connecting;
}

/** `promise`, or a `TimeoutError` after `ms`: a health check must end even if the member ignores its timeout. */
function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`The health check got no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** A pool of clients over `endpoints`; see `PoolOptions`. Validates the options at once (`InvalidOptionError`). */
export function createPool<M extends PoolMember>(options: PoolOptions<M>): Pool<M> {
  return new Pool(options);
}
