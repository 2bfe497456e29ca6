/**
 * @module Liveness: a ping every interval, each with a pong deadline. A socket that stops
 * answering (half-open: the peer or a proxy vanished without a FIN) is declared dead within
 * `interval + timeout` <= two intervals, whatever TCP believes. Any frame that arrived after the
 * ping was sent counts as its answer, so a busy socket whose pong is queued behind large replies
 * is not mistaken for a dead one.
 */
import { TimeoutError } from '@sdb/protocol';

export class Liveness {
  readonly #interval: number;
  readonly #timeout: number;
  readonly #ping: (timeout: number) => Promise<unknown>;
  readonly #onDead: (error: Error) => void;
  readonly #lastFrameAt: () => number;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    options: { interval: number; timeout: number },
    ping: (timeout: number) => Promise<unknown>,
    lastFrameAt: () => number,
    onDead: (error: Error) => void,
  ) {
    this.#interval = options.interval;
    this.#lastFrameAt = lastFrameAt;
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
    const sentAt = performance.now();
    this.#ping(this.#timeout).catch((error: unknown) => {
      // Only a missed deadline with nothing heard meanwhile says the socket is dead; a close is handled by the close event.
      if (error instanceof TimeoutError && this.#timer !== undefined && this.#lastFrameAt() <= sentAt) {
        this.stop();
        this.#onDead(new TimeoutError(`No pong within ${this.#timeout} ms: the connection is not answering`, { cause: error }));
      }
    });
  }
}
