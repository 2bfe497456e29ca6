/**
 * @module The WebSocket RPC endpoint for a user-given address: `ws://host:port`, with or without
 * `/rpc`; `http(s)://` is accepted and mapped to `ws(s)://`.
 */

export function rpcEndpoint(address: string | URL): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new TypeError(`connect: not a URL: ${JSON.stringify(String(address))}`);
  }
  const scheme = { 'ws:': 'ws:', 'wss:': 'wss:', 'http:': 'ws:', 'https:': 'wss:' }[url.protocol];
  if (scheme === undefined) throw new TypeError(`connect: expected a ws://, wss://, http:// or https:// URL, got ${url.protocol}`);
  url.protocol = scheme;
  const base = url.pathname.replace(/\/+$/, '');
  url.pathname = base.endsWith('/rpc') ? base : `${base}/rpc`;
  url.hash = '';
  return url.toString();
}
