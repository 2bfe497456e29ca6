/**
 * @module Connection events (connecting, connected, reconnecting, disconnected, error, auth) and
 * the small typed emitter that delivers them.
 */
import type { Uuid } from '@sdb/protocol';

export interface ClientEvents {
  /** A socket is being opened (`attempt` 0 is the first connect). */
  connecting: { url: string; attempt: number };
  /** The socket is open and, after a reconnect, the session state is restored (`restored`). */
  connected: { url: string; attempt: number; restored: boolean };
  /** The next attempt starts after `delay` ms. */
  reconnecting: { attempt: number; delay: number };
  /** The socket closed; `willReconnect` says whether the client tries again. */
  disconnected: { code: number | undefined; reason: string; willReconnect: boolean };
  /** Something went wrong that no call can report (a failed restore, an undecodable frame, a listener that threw). */
  error: { error: Error };
  /**
   * Authentication changed: `signin`/`signup`/`authenticate`/`refresh`/`invalidate` by a call,
   * `restored` after a reconnect or an expired session, `failed` when a restore could not authenticate.
   */
  auth: { action: 'signin' | 'signup' | 'authenticate' | 'refresh' | 'invalidate' | 'restored' | 'failed'; session: Uuid | undefined };
}

export type EventName = keyof ClientEvents;
export type Listener<K extends EventName> = (payload: ClientEvents[K]) => void;

export class Emitter {
  readonly #listeners = new Map<EventName, Set<(payload: never) => void>>();

  on<K extends EventName>(name: K, listener: Listener<K>): () => void {
    let set = this.#listeners.get(name);
    if (!set) this.#listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<K extends EventName>(name: K, payload: ClientEvents[K]): void {
    const set = this.#listeners.get(name);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        (listener as Listener<K>)(payload);
      } catch (error) {
        // A listener's bug must not break the connection; it is reported once, never recursively.
        if (name !== 'error') this.emit('error', { error: error instanceof Error ? error : new Error(String(error)) });
      }
    }
  }
}
