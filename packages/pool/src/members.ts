/**
 * @module The pool's members and how they come and go: a call takes an idle member or has one
 * opened (lazily, up to `max`; `min` are kept open), then gives it back; a member idle too long
 * closes, and a member that dies marks its endpoint down. Calls without a member wait here.
 */
import { ConnectionError } from '@sdb/protocol';
import { Endpoint, withoutCredentials } from './endpoint.ts';
import { NoHealthyEndpointError, PoolClosedError, PoolTimeoutError, type EndpointStats } from './errors.ts';
import { lost, type PoolMember } from './member.ts';
import type { ResolvedOptions } from './options.ts';
import { endpointForIdle, endpointForNew } from './strategy.ts';

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

export interface Member<M> {
  readonly client: M;
  readonly endpoint: Endpoint;
  state: 'idle' | 'busy' | 'checking';
  /** When it last became idle (ms since the epoch). */
  idleSince: number;
}

export class Members<M extends PoolMember> {
  readonly endpoints: Endpoint[];
  readonly #options: ResolvedOptions<M>;
  readonly #roundRobin: boolean;
  /** Round-robin: the index (modulo the endpoint count) of the endpoint whose turn it is. */
  #turn = 0;
  readonly #members = new Set<Member<M>>();
  /** Each endpoint's idle members, the most recently used last. */
  readonly #idle = new Map<Endpoint, Member<M>[]>();
  /** Started calls waiting for a member. */
  #taking = 0;
  readonly #wakers = new Set<() => void>();
  readonly #connects = new Set<Promise<void>>();
  #lastConnectError: unknown;
  /** Set at once by the pool's `close()`: from then on no member is taken or opened. */
  closed = false;

  constructor(options: ResolvedOptions<M>) {
    this.#options = options;
    this.endpoints = options.endpoints.map((url) => new Endpoint(url, withoutCredentials(url)));
    for (const endpoint of this.endpoints) this.#idle.set(endpoint, []);
    this.#roundRobin = options.strategy === 'round-robin';
  }

  /** `PoolStats`, with `queued` calls still in line (not yet waiting here). */
  stats(queued: number): PoolStats {
    let idle = 0;
    for (const members of this.#idle.values()) idle += members.length;
    return {
      size: this.#members.size,
      idle,
      busy: this.#members.size - idle,
      waiting: queued + this.#taking,
      endpoints: this.endpoints.map((endpoint) => endpoint.stats()),
    };
  }

  /** An idle member, or one opened for this call; waits (until `deadline`) while there is neither. */
  async take(deadline: number): Promise<Member<M>> {
    this.#taking++;
    // The member this call is having opened, if any: one at a time, so that a busy pool does not open more than it needs.
    let opening: Promise<void> | undefined;
    try {
      for (;;) {
        if (this.closed) throw new PoolClosedError('The pool was closed while this call waited for a member');
        const member = this.#pickIdle();
        if (member) {
          member.state = 'busy';
          member.endpoint.busy++;
          return member;
        }
        if (Date.now() >= deadline) throw this.timeoutError();
        if (!(opening && this.#connects.has(opening)) && this.size() < this.#options.max) opening = this.grow();
        await this.#changed(deadline);
      }
    } finally {
      this.#taking--;
    }
  }

  release(member: Member<M>): void {
    if (!this.#members.has(member)) return;
    if (member.state === 'busy') member.endpoint.busy--;
    this.#makeIdle(member, Date.now());
    this.wake();
  }

  /** Closes a member and forgets it; with `failure`, its endpoint is marked down (and its other idle members go too). */
  async remove(member: Member<M>, failure?: unknown): Promise<void> {
    if (this.#members.delete(member)) {
      const { endpoint } = member;
      endpoint.members--;
      const idle = this.#idle.get(endpoint)!;
      if (member.state === 'busy') endpoint.busy--;
      else if (member.state === 'idle' && idle.includes(member)) idle.splice(idle.indexOf(member), 1);
      if (failure !== undefined && endpoint.healthy) {
        endpoint.failed(Date.now(), this.#options.backoff);
        for (const other of idle.splice(0)) void this.remove(other);
      }
      this.wake();
      if (!this.closed) this.fill();
    }
    await member.client.close().catch(() => undefined);
  }

  /** Every idle member, still idle. */
  idleMembers(): Member<M>[] {
    return [...this.#idle.values()].flat();
  }

  /** Takes every idle member out for a health check; `checkedIn` gives each back. */
  checkOutIdle(): Member<M>[] {
    const members = [...this.#idle.values()].flatMap((idle) => idle.splice(0));
    for (const member of members) member.state = 'checking';
    return members;
  }

  /** A member that passed its health check is idle again (unless it was removed meanwhile). */
  checkedIn(member: Member<M>): void {
    if (member.state !== 'checking' || !this.#members.has(member)) return;
    this.#makeIdle(member, member.idleSince);
    this.wake();
  }

  /** Open members and members being opened. */
  size(): number {
    let connecting = 0;
    for (const endpoint of this.endpoints) connecting += endpoint.connecting;
    return this.#members.size + connecting;
  }

  /** Starts opening a member on `endpoint` (default: the one the strategy picks); undefined if none may be used now. */
  grow(endpoint = this.#endpointForNew()): Promise<void> | undefined {
    if (!endpoint || this.closed) return undefined;
    if (!endpoint.healthy) endpoint.probing = true;
    endpoint.connecting++;
    const connecting = Promise.resolve()
      .then(() => this.#options.connect(endpoint.url))
      .then(
        (client) => {
          endpoint.connecting--;
          endpoint.probing = false;
          if (this.closed) return client.close().catch(() => undefined);
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
        this.wake();
      });
    this.#connects.add(connecting);
    return connecting;
  }

  /** Opens members until `min` are open or being opened (on endpoints that may be used now). */
  fill(): void {
    while (this.size() < this.#options.min && this.grow());
  }

  /** Closes the members idle for `idleTimeout`, the longest idle first, down to `min`. */
  evictIdle(): void {
    const now = Date.now();
    const idle = this.idleMembers().sort((a, b) => a.idleSince - b.idleSince);
    for (const member of idle) {
      if (this.#members.size <= this.#options.min || now - member.idleSince < this.#options.idleTimeout) break;
      void this.remove(member);
    }
  }

  /** Once the pool is closed: waits for the members being opened, then closes every member. */
  async closeAll(): Promise<void> {
    await Promise.allSettled([...this.#connects]);
    await Promise.all([...this.#members].map((member) => this.remove(member)));
  }

  /** Wakes the calls waiting for a member, so that they look again. */
  wake(): void {
    if (this.#wakers.size > 0) for (const waker of [...this.#wakers]) waker();
  }

  /** Why a call got no member in time: every endpoint down, or every member busy. */
  timeoutError(): NoHealthyEndpointError | PoolTimeoutError {
    const { acquireTimeout } = this.#options;
    if (this.endpoints.every((endpoint) => !endpoint.healthy)) {
      const endpoints = this.endpoints.map((endpoint) => endpoint.stats());
      const list = endpoints.map((endpoint) => `${endpoint.url} (${endpoint.failures} failures)`).join(', ');
      return new NoHealthyEndpointError(`No endpoint could be reached within ${acquireTimeout} ms: ${list}`, endpoints, { cause: this.#lastConnectError });
    }
    return new PoolTimeoutError(`No member came free within ${acquireTimeout} ms (${this.#members.size} open, max ${this.#options.max})`);
  }

  /** An idle member of the endpoint the strategy picks, the most recently used one (so that the others can be evicted). */
  #pickIdle(): Member<M> | undefined {
    for (;;) {
      const endpoint = endpointForIdle(this.endpoints, this.#roundRobin, this.#turn, (candidate) => this.#idle.get(candidate)!.length > 0);
      if (!endpoint) return undefined;
      const member = this.#idle.get(endpoint)!.pop()!;
      if (lost(member.client)) {
        member.state = 'checking';
        void this.remove(member, new ConnectionError('The member lost its connection'));
        continue;
      }
      this.#passTurn(endpoint);
      return member;
    }
  }

  /** The endpoint the strategy picks for a new member, if one may be connected to now. */
  #endpointForNew(): Endpoint | undefined {
    const endpoint = endpointForNew(this.endpoints, this.#roundRobin, this.#turn, Date.now());
    if (endpoint) this.#passTurn(endpoint);
    return endpoint;
  }

  /** Round-robin: the turn passes to the endpoint after `endpoint`. */
  #passTurn(endpoint: Endpoint): void {
    if (this.#roundRobin) this.#turn = this.endpoints.indexOf(endpoint) + 1;
  }

  #makeIdle(member: Member<M>, since: number): void {
    member.state = 'idle';
    member.idleSince = since;
    this.#idle.get(member.endpoint)!.push(member);
  }

  /** Resolves when members or endpoints change, at the next endpoint retry, or at `deadline`. */
  #changed(deadline: number): Promise<void> {
    const now = Date.now();
    let until = deadline;
    for (const endpoint of this.endpoints) if (!endpoint.healthy && !endpoint.probing && endpoint.retryAt > now) until = Math.min(until, endpoint.retryAt);
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
}
