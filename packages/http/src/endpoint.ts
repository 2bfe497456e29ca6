/**
 * @module Turns the URL a user gives `connect` (http, https, or the ws/wss form of the same
 * server, with or without `/rpc`) into the base URL the HTTP routes hang off.
 */

/** The server's base URL without a trailing slash, e.g. `http://127.0.0.1:8000`. */
export function httpBaseUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`connect: not a URL: ${JSON.stringify(String(url))}`);
  }
  if (parsed.protocol === 'ws:') parsed.protocol = 'http:';
  else if (parsed.protocol === 'wss:') parsed.protocol = 'https:';
  else if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new TypeError(`connect: expected an http://, https://, ws:// or wss:// URL, got ${parsed.protocol}`);
  }
  // Credentials in the URL would end up in error messages and logs: refuse them.
  if (parsed.username || parsed.password) throw new TypeError('connect: put credentials in the `auth` option, not in the URL (URLs end up in logs)');
  parsed.search = '';
  parsed.hash = '';
  return parsed.href.replace(/\/+$/, '').replace(/\/rpc$/, '');
}
