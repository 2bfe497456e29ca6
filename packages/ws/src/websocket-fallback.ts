/**
 * @module Node's WebSocket: `ws` through isomorphic-ws, for runtimes with no global `WebSocket`
 * (Node 20) or when the socket needs TLS options only `ws` takes. Reached through the
 * `#websocket-fallback` import (package.json `imports`); browser builds get
 * websocket-fallback.browser.ts instead, so they carry no loader and no shim.
 */

/** Loads the fallback WebSocket implementation's module. */
export const loadWebSocketFallback: (() => Promise<{ default?: unknown }>) | undefined = () => import('isomorphic-ws');
