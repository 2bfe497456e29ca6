/**
 * @module Live query subscriptions: each one an async iterable (and `.on(cb)`) of notifications,
 * buffering what arrives before anyone listens, re-keyed when a reconnect re-issues its LIVE
 * query (announced by a `RESUMED` message: notifications may have been missed meanwhile), ended
 * by `kill()`, a KILLED notification, or the client closing.
 */
import { ConnectionClosedError, type LiveNotification, type Table, type Uuid } from '@sdb/protocol';

/** Sent to a subscription after a reconnect re-issued its live query: changes made while the socket was down were not seen. */
export interface LiveResumed {
  action: 'RESUMED';
  /** The new live query id. */
  id: Uuid;
  /** The id before the reconnect. */
  previousId: Uuid;
  record: undefined;
  result: undefined;
}

export type LiveMessage<T = unknown> = LiveNotification<T> | LiveResumed;

/** How a subscription's live query is issued again on a new socket. */
export type LiveSource =
  | { kind: 'table'; table: Table | string; diff: boolean }
  | { kind: 'query'; query: string; vars: Record<string, unknown> | undefined }
  /** An id from elsewhere: it cannot be re-issued, so a reconnect ends the subscription. */
  | { kind: 'id' };

export interface LiveOwner {
  kill(id: Uuid, session: Uuid | undefined): Promise<void>;
  forget(subscription: LiveSubscription<unknown>): void;
}

const ITERATION_DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

export class LiveSubscription<T = unknown> implements AsyncIterable<LiveMessage<T>> {
  #id: Uuid;
  declare readonly session: Uuid | undefined;
  declare readonly source: LiveSource;
  readonly #owner: LiveOwner;
  readonly #queue: LiveMessage<T>[] = [];
  /** Typed loosely so that a `LiveSubscription<Person>` is also a `LiveSubscription<unknown>`. */
  readonly #listeners = new Set<(message: LiveMessage) => void>();
  #waiter: { resolve(result: IteratorResult<LiveMessage<T>>): void; reject(error: Error): void } | undefined;
  #iterating = false;
  #ended = false;
  #error: Error | undefined;

  constructor(id: Uuid, session: Uuid | undefined, source: LiveSource, owner: LiveOwner) {
    this.#id = id;
    this.session = session;
    this.source = source;
    this.#owner = owner;
  }

  /** The live query id now (it changes when a reconnect re-issues the query). */
  get id(): Uuid {
    return this.#id;
  }

  /** True once killed, KILLED by the server, or ended by the client closing. */
  get closed(): boolean {
    return this.#ended;
  }

  /**
   * Calls `listener` for every message (notifications already buffered first); returns the
   * function that stops listening (the live query keeps running: use `kill()` to stop it).
   */
  on(listener: (message: LiveMessage<T>) => void): () => void {
    const loose = listener as (message: LiveMessage) => void;
    this.#listeners.add(loose);
    if (!this.#iterating) for (const message of this.#queue.splice(0)) this.#deliver(loose, message);
    return () => this.#listeners.delete(loose);
  }

  /** Stops the live query on the server and ends the subscription; iteration finishes. */
  async kill(): Promise<void> {
    if (this.#ended) return;
    this.end();
    await this.#owner.kill(this.#id, this.session).catch((error: unknown) => {
      // A socket that is gone took the live query with it: nothing left to kill.
      if (!(error instanceof ConnectionClosedError)) throw error;
    });
  }

  /**
   * Iterates the messages; a single consumer (messages are not copied to several iterators).
   * Breaking out of the loop kills the live query.
   */
  [Symbol.asyncIterator](): AsyncIterator<LiveMessage<T>> {
    this.#iterating = true;
    return {
      next: () => {
        const message = this.#queue.shift();
        if (message !== undefined) return Promise.resolve({ done: false, value: message });
        if (this.#ended) return this.#error ? Promise.reject(this.#error) : Promise.resolve(ITERATION_DONE);
        return new Promise((resolve, reject) => {
          this.#waiter = { resolve, reject };
        });
      },
      return: async () => {
        // Leaving a loop must not throw: the subscription has ended here whatever the server answers.
        await this.kill().catch(() => undefined);
        return ITERATION_DONE;
      },
    };
  }

  /** @internal A notification or resume message for this subscription. */
  push(message: LiveMessage<T>): void {
    if (this.#ended) return;
    if (this.#waiter) {
      const waiter = this.#waiter;
      this.#waiter = undefined;
      waiter.resolve({ done: false, value: message });
    } else if (this.#iterating || this.#listeners.size === 0) {
      this.#queue.push(message);
    }
    for (const listener of this.#listeners) this.#deliver(listener, message);
    if (message.action === 'KILLED') this.end();
  }

  /** @internal The live query runs under a new id now. */
  rekey(id: Uuid): void {
    const previousId = this.#id;
    this.#id = id;
    this.push({ action: 'RESUMED', id, previousId, record: undefined, result: undefined });
  }

  /** @internal Ends the subscription; with `error`, iteration rejects with it once the buffer is drained. */
  end(error?: Error): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#error = error;
    this.#owner.forget(this);
    const waiter = this.#waiter;
    this.#waiter = undefined;
    if (waiter) {
      if (error) waiter.reject(error);
      else waiter.resolve(ITERATION_DONE);
    }
  }

  #deliver(listener: (message: LiveMessage) => void, message: LiveMessage<T>): void {
    try {
      listener(message);
    } catch {
      // One listener's bug must not stop the others, nor the socket's message loop.
    }
  }
}

/** How long a notification for a not-yet-known live id is kept (it can beat the `live` reply). */
const ORPHAN_TTL_MS = 5_000;
const ORPHAN_LIMIT = 1_000;

/** Every subscription of one client, by live query id; routes notifications to them. */
export class LiveRegistry {
  readonly #subscriptions = new Map<string, LiveSubscription<unknown>>();
  #orphans: { at: number; notification: LiveNotification }[] = [];

  /** Registers a subscription, handing it any notification that arrived before it. */
  add(subscription: LiveSubscription<unknown>): void {
    const key = subscription.id.toJSON();
    this.#subscriptions.set(key, subscription);
    this.#adoptOrphans(subscription, key);
  }

  #adoptOrphans(subscription: LiveSubscription<unknown>, key: string): void {
    const mine = this.#orphans.filter((orphan) => orphan.notification.id.toJSON() === key);
    if (mine.length === 0) return;
    this.#orphans = this.#orphans.filter((orphan) => orphan.notification.id.toJSON() !== key);
    for (const orphan of mine) subscription.push(orphan.notification);
  }

  remove(subscription: LiveSubscription<unknown>): void {
    const key = subscription.id.toJSON();
    if (this.#subscriptions.get(key) === subscription) this.#subscriptions.delete(key);
  }

  dispatch(notification: LiveNotification): void {
    const subscription = this.#subscriptions.get(notification.id.toJSON());
    if (subscription) {
      subscription.push(notification);
      return;
    }
    const now = Date.now();
    this.#orphans = this.#orphans.filter((orphan) => now - orphan.at < ORPHAN_TTL_MS).slice(-(ORPHAN_LIMIT - 1));
    this.#orphans.push({ at: now, notification });
  }

  /** Subscriptions live now. */
  all(): LiveSubscription<unknown>[] {
    return [...this.#subscriptions.values()];
  }

  /** After a reconnect: registers a subscription under the id its re-issued query got. */
  rekey(subscription: LiveSubscription<unknown>, id: Uuid): void {
    this.remove(subscription);
    subscription.rekey(id);
    this.#subscriptions.set(id.toJSON(), subscription);
    this.#adoptOrphans(subscription, id.toJSON());
  }

  /** Ends the subscriptions of a session that went away (detach, reset), or of every session. */
  endWhere(predicate: (subscription: LiveSubscription<unknown>) => boolean, error?: Error): void {
    for (const subscription of this.all()) if (predicate(subscription)) subscription.end(error);
  }

  clearOrphans(): void {
    this.#orphans = [];
  }
}
