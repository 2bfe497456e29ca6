/**
 * @module `EventQueue`: events pushed by a live query, pulled by one consumer. It keeps every
 * event pushed before anyone pulls (nothing between registration and the first `next()` is lost),
 * ends after the buffered events are drained, and hands an ending error to the consumer.
 */
const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

export class EventQueue<E> {
  readonly #buffer: E[] = [];
  #waiter: { resolve(result: IteratorResult<E, undefined>): void; reject(error: unknown): void } | undefined;
  #ended = false;
  #error: unknown;

  get ended(): boolean {
    return this.#ended;
  }

  push(event: E): void {
    if (this.#ended) return;
    const waiter = this.#waiter;
    if (waiter) {
      this.#waiter = undefined;
      waiter.resolve({ done: false, value: event });
    } else {
      this.#buffer.push(event);
    }
  }

  /** Ends the queue: buffered events are still delivered, then `error` (if any) rejects the next pull. */
  end(error?: unknown): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#error = error;
    const waiter = this.#waiter;
    this.#waiter = undefined;
    if (!waiter) return;
    this.#error = undefined;
    if (error === undefined) waiter.resolve(DONE);
    else waiter.reject(error);
  }

  /** Ends the queue at once, dropping what is buffered (the consumer left). */
  close(): void {
    this.#buffer.length = 0;
    this.end();
  }

  next(): Promise<IteratorResult<E, undefined>> {
    if (this.#buffer.length > 0) return Promise.resolve({ done: false, value: this.#buffer.shift() as E });
    if (this.#ended) {
      const error = this.#error;
      // An error is reported once; after it the iterator is simply done.
      this.#error = undefined;
      return error === undefined ? Promise.resolve(DONE) : Promise.reject(error);
    }
    if (this.#waiter) return Promise.reject(new TypeError('A stream has one consumer: wait for next() to settle before calling it again'));
    return new Promise((resolve, reject) => {
      this.#waiter = { resolve, reject };
    });
  }
}
