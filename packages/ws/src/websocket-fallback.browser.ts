/**
 * @module The `#websocket-fallback` of browser builds (browsers, edge runtimes, Deno and Bun
 * bundles): there is no `ws` to fall back to, only the platform's `WebSocket`.
 */

/** None: a browser build uses the global `WebSocket` (or the `WebSocket` option) only. */
export const loadWebSocketFallback: (() => Promise<{ default?: unknown }>) | undefined = undefined;
