/**
 * @module What the global setup provides to tests (`inject('surrealdb')`), and the vitest type
 * declaration that makes `inject` know it.
 */

export interface SurrealdbUnderTest {
  /** WebSocket RPC endpoint, e.g. `ws://127.0.0.1:40123/rpc`. */
  url: string;
  /** HTTP base URL, e.g. `http://127.0.0.1:40123`. */
  httpUrl: string;
  /** Root credentials. */
  user: string;
  pass: string;
  /** Which server it is. */
  source: 'embedded' | 'external' | 'testcontainers';
}

declare module 'vitest' {
  export interface ProvidedContext {
    surrealdb: SurrealdbUnderTest;
  }
}

/** The WebSocket and HTTP endpoints of a server given as `ws(s)://` or `http(s)://`, with or without `/rpc`. */
export function endpointsOf(address: string): { url: string; httpUrl: string } {
  const base = new URL(address);
  const path = base.pathname.replace(/\/rpc\/?$/, '').replace(/\/+$/, '');
  const secure = base.protocol === 'https:' || base.protocol === 'wss:';
  const origin = `${base.host}${path}`;
  return { url: `${secure ? 'wss' : 'ws'}://${origin}/rpc`, httpUrl: `${secure ? 'https' : 'http'}://${origin}` };
}
