/**
 * @module The request path of browsers, edge runtimes, Deno and Bun: the platform's `fetch`
 * through ofetch. It imports nothing from Node; on Node an undici `dispatcher` is handed to
 * `fetch` untouched (Node's own entry uses request-undici.ts instead).
 */
import { ofetch } from 'ofetch';
import { invalidOption } from '@sdb/protocol/transport';
import type { OpenRequestPath, RequestPath } from './request.ts';

export const openFetchPath: OpenRequestPath = (dispatcher, tls) => {
  // Browsers and edge runtimes trust their own certificate store only.
  if (tls !== undefined) throw invalidOption('connect', 'tls', 'be left out: fetch keeps its own trust store');
  return fetchPath(dispatcher);
};

const fetchPath = (dispatcher: unknown): RequestPath => ({
  async send(request, signal) {
    try {
      const response = await ofetch.raw(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal,
        responseType: 'arrayBuffer',
        ignoreResponseError: true,
        retry: 0,
        ...(dispatcher === undefined ? {} : { dispatcher: dispatcher as never }),
      });
      const data = response._data;
      return {
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        body: data ? new Uint8Array(data) : new Uint8Array(0),
      };
    } catch (error) {
      // ofetch's FetchError exposes the request options (and so the Authorization header) through
      // getters: pass on only what it wraps (fetch's TypeError, itself wrapping e.g. ECONNREFUSED).
      throw error instanceof Error && error.cause instanceof Error ? error.cause : new Error('fetch failed');
    }
  },
  // `fetch`'s connections belong to the platform (or to the caller's dispatcher).
  close: () => undefined,
});
