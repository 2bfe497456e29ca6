/**
 * @module Liveness: a ping every interval, each with a pong deadline. A socket that stops
 * answering (half-open: the peer or a proxy vanished without a FIN) is declared dead within
 * `interval + timeout` <= two intervals, whatever TCP believes.
 */
import { TimeoutError } from '@sdb/protocol';

export class Liveness {
  readonly #interval: number;
  readonly #timeout: number;
  readonly #ping: (timeout: number) => Promise<unknown>;
  readonly #onDead: (error: Error) => void;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(options: { interval: number; timeout: number }, ping: (timeout: number) => Promise<unknown>, onDead: (error: Error) => void) {
    this.#interval = options.interval;
    this.#timeout = options.timeout;
    this.#ping = ping;
    this.#onDead = onDead;
  }

  start(): void {
    this.stop();
    this.#timer = setInterval(() => this.#check(), this.#interval);
  }

  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #check(): void {
    this.#ping(this.#timeout).catch((error: unknown) => {
      // Only a missed deadline says the socket is dead; a close is handled by the close event.
      if (error instanceof TimeoutError && this.#timer !== undefined) {
        this.stop();
        this.#onDead(new TimeoutError(`No pong within ${this.#timeout} ms: the connection is not answering`, { cause: error }));
      }
    });
  }
}
