/**
 * @module Node's request path: undici's request API over a keep-alive `Agent` of the transport's
 * own (or the `dispatcher` option's). Measured on Node 20, `RETURN 1` at 16 in flight: global
 * `fetch` costs 423–575 µs of client CPU per call, undici's `request` 95–103 µs (DESIGN.md).
 * Only the `node` export condition (src/node.ts) reaches this file, so no browser bundle holds undici.
 */
import { Agent, request as undiciRequest, type Dispatcher } from 'undici';
import type { OpenRequestPath } from './request.ts';

/** Idle connections stay open this long (undici's default is 4 s), so a bursty client rarely reconnects. */
const KEEP_ALIVE_MS = 10_000;

export const openUndiciPath: OpenRequestPath = (dispatcher, tls) => {
  const own = dispatcher === undefined ? new Agent({ keepAliveTimeout: KEEP_ALIVE_MS, ...(tls ? { connect: { ca: [tls.ca].flat() } } : {}) }) : undefined;
  const agent = (dispatcher ?? own) as Dispatcher;
  return {
    async send(request, signal) {
      const response = await undiciRequest(request.url, {
        dispatcher: agent,
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal,
      });
      const type = response.headers['content-type'];
      return {
        status: response.statusCode,
        contentType: (Array.isArray(type) ? type[0] : type) ?? '',
        body: new Uint8Array(await response.body.arrayBuffer()),
      };
    },
    // Only the agent this path opened: a caller's dispatcher is the caller's to close.
    close: () => {
      own?.close().catch(() => undefined);
    },
  };
};
