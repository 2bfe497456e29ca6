/**
 * @module Requests in flight on one socket: ids, exact matching of replies, per-call timeout and
 * abort (each frees its slot), and rejecting everything left when the socket goes away. Timeouts
 * share one timer set for the earliest deadline, so a call costs no timer of its own; a call's
 * recovery from a failure (a retry) settles its own promise, so it costs no promise of its own.
 */
import { ProtocolError, RequestAbortedError, ServerError, TimeoutError, type RpcErrorPayload } from '@sdb/protocol';

/**
 * What a call does when it fails: undefined to reject with the error, or the promise of another
 * attempt, whose outcome becomes the call's.
 */
export type Recovery = (error: Error) => Promise<unknown> | undefined;

interface Pending {
  method: string;
  timeout: number;
  /** `performance.now()` after which the call times out (Infinity: never). */
  deadline: number;
  resolve(value: unknown): void;
  reject(error: Error): void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
  recovery: Recovery | undefined;
}

export interface RequestSlot {
  id: number;
  promise: Promise<unknown>;
}

export class RequestManager {
  readonly #pending = new Map<number, Pending>();
  #nextId = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerAt = Infinity;

  get size(): number {
    return this.#pending.size;
  }

  /**
   * Reserves an id for a call; its promise settles with the reply, or on timeout, abort or
   * `rejectAll` rejects (unless `recovery` answers another attempt).
   */
  open(method: string, timeout: number, signal: AbortSignal | undefined, recovery?: Recovery): RequestSlot {
    const id = ++this.#nextId;
    let resolve!: (value: unknown) => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<unknown>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const deadline = Number.isFinite(timeout) ? performance.now() + timeout : Infinity;
    const pending: Pending = { method, timeout, deadline, resolve, reject, signal, onAbort: undefined, recovery };
    this.#pending.set(id, pending);
    if (signal) {
      if (signal.aborted) {
        this.#fail(id, abortError(method, signal));
        return { id, promise };
      }
      pending.onAbort = () => this.#fail(id, abortError(method, signal));
      signal.addEventListener('abort', pending.onAbort, { once: true });
    }
    if (deadline < this.#timerAt) this.#schedule(deadline);
    return { id, promise };
  }

  /** Settles the call a reply frame answers; false for an id nobody waits for (late or unknown: ignored). */
  settle(id: unknown, frame: { result?: unknown; error?: unknown }): boolean {
    const pending = typeof id === 'number' ? this.#pending.get(id) : undefined;
    if (!pending) return false;
    this.#pending.delete(id as number);
    release(pending);
    if (frame.error !== undefined) failed(pending, errorFrom(frame.error));
    else pending.resolve(frame.result);
    return true;
  }

  /** Rejects one call (its frame could not be sent, for example). */
  fail(id: number, error: Error): void {
    this.#fail(id, error);
  }

  rejectAll(error: () => Error): void {
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    this.#unschedule();
    for (const entry of pending) {
      release(entry);
      failed(entry, error());
    }
  }

  #fail(id: number, error: Error): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    release(pending);
    failed(pending, error);
  }

  #schedule(at: number): void {
    this.#unschedule();
    this.#timerAt = at;
    this.#timer = setTimeout(() => this.#expire(), Math.max(0, at - performance.now()));
  }

  #unschedule(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerAt = Infinity;
  }

  /** Rejects every call past its deadline, then sets the timer for the next deadline. */
  #expire(): void {
    this.#timer = undefined;
    this.#timerAt = Infinity;
    const now = performance.now();
    let next = Infinity;
    for (const [id, pending] of this.#pending) {
      if (pending.deadline <= now) this.#fail(id, new TimeoutError(`${pending.method} timed out after ${pending.timeout} ms`));
      else if (pending.deadline < next) next = pending.deadline;
    }
    if (next !== Infinity) this.#schedule(next);
  }
}

/** Rejects a call with `error`, or hands it over to the attempt its recovery answers. */
function failed(pending: Pending, error: Error): void {
  const retry = pending.recovery?.(error);
  if (retry) pending.resolve(retry);
  else pending.reject(error);
}

function release(pending: Pending): void {
  if (pending.onAbort) pending.signal?.removeEventListener('abort', pending.onAbort);
}

function abortError(method: string, signal: AbortSignal | undefined): RequestAbortedError {
  return new RequestAbortedError(`${method} was aborted`, signal?.reason === undefined ? undefined : { cause: signal.reason });
}

function errorFrom(error: unknown): Error {
  // A payload with no numeric code gets ServerError's -32000.
  if (typeof error === 'object' && error !== null && typeof (error as RpcErrorPayload).message === 'string') return ServerError.from(error as RpcErrorPayload);
  return new ProtocolError('The server answered with an error that is not an RPC error object');
}
