/**
 * @module One HTTP exchange with the guarantees every call has, whichever request path sends it
 * (`fetch` through ofetch in browsers, edge runtimes, Deno and Bun; undici's request API on
 * Node): it settles within its timeout, an abort signal cancels it, `close()` ends it, and
 * failures become typed sdb errors that never carry request headers (where the bearer token travels).
 */
import { ConnectionClosedError, ConnectionError, RequestAbortedError, TimeoutError } from '@sdb/protocol';
import type { TlsOptions } from '@sdb/protocol/transport';

/** What came back: the status and the body bytes (CBOR for `/rpc`, text for other routes). */
export interface HttpReply {
  status: number;
  contentType: string;
  body: Uint8Array;
}

/** One request as a request path sends it. */
export interface HttpRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: Uint8Array | string | undefined;
}

/**
 * How requests leave the process: one implementation per platform, behind this interface.
 * `send` answers any HTTP status; when the server cannot be reached it rejects with the
 * low-level error (ECONNREFUSED, a DNS failure), never with an object that holds the request.
 */
export interface RequestPath {
  send(request: HttpRequest, signal: AbortSignal): Promise<HttpReply>;
  /**
   * Lets go of the kept-alive connections the path opened itself, in the background: `close()`
   * has already aborted every exchange, and their rejections must reach the callers first.
   */
  close(): void;
}

/** Opens a request path; `dispatcher` and `tls` are the options of those names (Node only, checked by the transport). */
export type OpenRequestPath = (dispatcher: unknown, tls: TlsOptions | undefined) => RequestPath;

export interface HttpExchange extends HttpRequest {
  /** Milliseconds (> 0, checked by the transport); `Infinity` for none. */
  timeout: number;
  signal?: AbortSignal | undefined;
  /**
   * The transport's in-flight exchanges: `close()` aborts each with `CLOSED` (one set rather than
   * one listener per request on a shared signal).
   */
  inflight: Set<AbortController>;
}

const TIMEOUT = Symbol('timeout');
/** The abort reason `close()` gives in-flight exchanges. */
export const CLOSED = Symbol('closed');

export async function exchange(path: RequestPath, request: HttpExchange): Promise<HttpReply> {
  const { signal, inflight, timeout } = request;
  if (signal?.aborted) throw new RequestAbortedError('The request was aborted before it was sent');
  const controller = new AbortController();
  const abort = (reason: unknown) => controller.abort(reason);
  const onAbort = () => abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  inflight.add(controller);
  const timer = Number.isFinite(timeout) ? setTimeout(() => abort(TIMEOUT), timeout) : undefined;
  try {
    return await path.send(request, controller.signal);
  } catch (error) {
    const reason: unknown = controller.signal.aborted ? controller.signal.reason : undefined;
    if (reason === TIMEOUT) throw new TimeoutError(`The request timed out after ${timeout} ms`);
    if (reason === CLOSED) throw new ConnectionClosedError('The HTTP client was closed while the request was in flight');
    if (signal?.aborted) throw new RequestAbortedError('The request was aborted');
    throw networkError(request.url, error);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    inflight.delete(controller);
  }
}

/** The cause is a copy with only the name and message: a low-level error may hold sockets or options. */
function networkError(url: string, error: unknown): ConnectionError {
  if (!(error instanceof Error)) return new ConnectionError(`Cannot reach ${url}`);
  const detail = detailOf(error);
  const cause = new Error(error.message || detail);
  cause.name = error.name;
  return new ConnectionError(`Cannot reach ${url}${detail ? `: ${detail}` : ''}`, { cause });
}

/** The most specific message: fetch's "fetch failed" wraps the reason; Node's AggregateError (one error per address) has none of its own. */
function detailOf(error: Error): string {
  if (error.cause instanceof Error && error.cause.message) return error.cause.message;
  if (error.message) return error.message;
  const [first] = error instanceof AggregateError ? error.errors : [];
  if (first instanceof Error) return first.message;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}
