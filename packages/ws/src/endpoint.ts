/**
 * @module The WebSocket RPC endpoint for a user-given address: `ws://host:port`, with or without
 * `/rpc`; `http(s)://` is accepted and mapped to `ws(s)://`.
 */
import { isSecure, parseServerUrl } from '@sdb/protocol/transport';

export function rpcEndpoint(address: string | URL): string {
  const url = parseServerUrl(address);
  url.protocol = isSecure(url) ? 'wss:' : 'ws:';
  const base = url.pathname.replace(/\/+$/, '');
  url.pathname = base.endsWith('/rpc') ? base : `${base}/rpc`;
  return url.toString();
}
