/**
 * @module The WebSocket implementation: the platform's global `WebSocket` (browsers, Deno, Bun,
 * edge runtimes, Node 22+), else `ws` through isomorphic-ws (Node 20), loaded only when needed
 * and only in Node builds (see websocket-fallback.ts).
 */
import { loadWebSocketFallback } from '#websocket-fallback';

/** The part of the WHATWG WebSocket API this package uses (the `ws` package implements it too). */
export interface SocketLike {
  readonly readyState: number;
  readonly protocol: string;
  binaryType: string;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  /** `ws` only (an EventEmitter): a frame's bytes, without a MessageEvent built around them. */
  on?: (event: 'message', listener: (data: unknown, isBinary: boolean) => void) => void;
  off?: (event: 'message', listener: (data: unknown, isBinary: boolean) => void) => void;
  /** `ws` only: drops the TCP connection at once, without a close handshake. */
  terminate?: () => void;
}

/** `options` reaches `ws` only (its TLS settings); the WHATWG constructor has no such parameter. */
export type WebSocketConstructor = new (url: string, protocols?: string | string[], options?: object) => unknown;

export const OPEN = 1;

let fallback: Promise<WebSocketConstructor> | undefined;

/**
 * `needsWs`: the socket needs options only `ws` takes (TLS), so a global `WebSocket` will not do
 * where `ws` can be loaded; a browser build has only the global (which ignores them).
 */
export function webSocketImplementation(given: WebSocketConstructor | undefined, needsWs = false): Promise<WebSocketConstructor> | WebSocketConstructor {
  if (given) return given;
  const global = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (global && !(needsWs && loadWebSocketFallback)) return global;
  fallback ??= (loadWebSocketFallback?.() ?? Promise.resolve({ default: undefined })).then((module) => {
    const Impl = module.default;
    if (typeof Impl !== 'function') throw new TypeError('connect: this runtime has no WebSocket; pass one as the WebSocket option');
    return Impl as WebSocketConstructor;
  });
  return fallback;
}
