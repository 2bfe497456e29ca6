/**
 * @module Requests in flight on one socket: ids, exact matching of replies, per-call timeout and
 * abort (each frees its slot), and rejecting everything left when the socket goes away.
 */
import { ProtocolError, RequestAbortedError, ServerError, TimeoutError, type RpcErrorPayload } from '@sdb/protocol';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  cleanup(): void;
}

export interface RequestSlot {
  id: number;
  promise: Promise<unknown>;
}

export class RequestManager {
  readonly #pending = new Map<number, Pending>();
  #nextId = 0;

  get size(): number {
    return this.#pending.size;
  }

  /** Reserves an id for a call; its promise settles with the reply, or rejects on timeout, abort or `rejectAll`. */
  open(method: string, timeout: number, signal: AbortSignal | undefined): RequestSlot {
    const id = ++this.#nextId;
    let pending!: Pending;
    const promise = new Promise<unknown>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onAbort = () => this.#fail(id, abortError(method, signal));
      pending = {
        resolve,
        reject,
        cleanup: () => {
          if (timer !== undefined) clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        },
      };
      if (Number.isFinite(timeout)) timer = setTimeout(() => this.#fail(id, new TimeoutError(`${method} timed out after ${timeout} ms`)), timeout);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    this.#pending.set(id, pending);
    if (signal?.aborted) this.#fail(id, abortError(method, signal));
    return { id, promise };
  }

  /** Settles the call a reply frame answers; false for an id nobody waits for (late or unknown: ignored). */
  settle(id: unknown, frame: { result?: unknown; error?: unknown }): boolean {
    if (typeof id !== 'number') return false;
    const pending = this.#pending.get(id);
    if (!pending) return false;
    this.#pending.delete(id);
    pending.cleanup();
    if (frame.error !== undefined) pending.reject(errorFrom(frame.error));
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
    for (const entry of pending) {
      entry.cleanup();
      entry.reject(error());
    }
  }

  #fail(id: number, error: Error): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    pending.cleanup();
    pending.reject(error);
  }
}

function abortError(method: string, signal: AbortSignal | undefined): RequestAbortedError {
  return new RequestAbortedError(`${method} was aborted`, signal?.reason === undefined ? undefined : { cause: signal.reason });
}

function errorFrom(error: unknown): Error {
  if (typeof error === 'object' && error !== null && typeof (error as RpcErrorPayload).message === 'string') {
    const payload = error as RpcErrorPayload;
    return ServerError.from({ ...payload, code: typeof payload.code === 'number' ? payload.code : -32000 });
  }
  return new ProtocolError('The server answered with an error that is not an RPC error object');
}
