/**
 * @module Turns the URL a user gives `connect` (http, https, or the ws/wss form of the same
 * server, with or without `/rpc`) into the base URL the HTTP routes hang off.
 */
import { isSecure, parseServerUrl } from '@sdb/protocol/transport';

/** The server's base URL without a trailing slash, e.g. `http://127.0.0.1:8000`. */
export function httpBaseUrl(address: string | URL): string {
  const url = parseServerUrl(address);
  url.protocol = isSecure(url) ? 'https:' : 'http:';
  return url.href.replace(/\/+$/, '').replace(/\/rpc$/, '');
}
