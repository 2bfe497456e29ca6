/**
 * @module One HTTP exchange through ofetch with the guarantees every call has: it settles within
 * its timeout, an abort signal cancels it, and failures become typed sdb errors that never carry
 * request headers (where the bearer token travels).
 */
import { ConnectionClosedError, ConnectionError, RequestAbortedError, TimeoutError } from '@sdb/protocol';
import { ofetch } from 'ofetch';

/** What came back: the status and the body bytes (CBOR for `/rpc`, text for other routes). */
export interface HttpReply {
  status: number;
  contentType: string;
  body: Uint8Array;
}

export interface HttpExchange {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: Uint8Array | string;
  /** Milliseconds (> 0, checked by the transport); `Infinity` for none. */
  timeout: number;
  signal?: AbortSignal | undefined;
  /**
   * The transport's in-flight exchanges: `close()` aborts each with `CLOSED` (one set rather than
   * one listener per request on a shared signal).
   */
  inflight: Set<AbortController>;
  /** undici dispatcher (Node: keep-alive pool tuning); passed through to `fetch` untouched. */
  dispatcher?: unknown;
}

const TIMEOUT = Symbol('timeout');
/** The abort reason `close()` gives in-flight exchanges. */
export const CLOSED = Symbol('closed');

export async function exchange(request: HttpExchange): Promise<HttpReply> {
  const { signal, inflight, timeout } = request;
  if (signal?.aborted) throw new RequestAbortedError('The request was aborted before it was sent');
  const controller = new AbortController();
  const abort = (reason: unknown) => controller.abort(reason);
  const onAbort = () => abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  inflight.add(controller);
  const timer = Number.isFinite(timeout) ? setTimeout(() => abort(TIMEOUT), timeout) : undefined;
  try {
    const response = await ofetch.raw(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: controller.signal,
      responseType: 'arrayBuffer',
      ignoreResponseError: true,
      retry: 0,
      ...(request.dispatcher === undefined ? {} : { dispatcher: request.dispatcher as never }),
    });
    const data = response._data;
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: data ? new Uint8Array(data) : new Uint8Array(0),
    };
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

/**
 * ofetch's `FetchError` exposes the request options (and so the Authorization header) through
 * getters: keep only the low-level cause (e.g. ECONNREFUSED), never the FetchError itself.
 */
function networkError(url: string, error: unknown): ConnectionError {
  const root = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const detail = root?.cause instanceof Error ? root.cause.message : root?.message;
  return new ConnectionError(`Cannot reach ${url}${detail ? `: ${detail}` : ''}`, root ? { cause: sanitized(root) } : undefined);
}

function sanitized(error: Error): Error {
  const copy = new Error(error.message);
  copy.name = error.name;
  return copy;
}
