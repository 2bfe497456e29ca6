/**
 * @module The address a user gives `connect`, checked once for every transport: a URL with an
 * http, https, ws or wss scheme and no credentials in it (URLs end up in errors and logs).
 */

/** `address` parsed, without its query and fragment; a `TypeError` naming the problem otherwise. */
export function parseServerUrl(address: string | URL): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new TypeError(`connect: not a URL: ${JSON.stringify(String(address))}`);
  }
  if (!['ws:', 'wss:', 'http:', 'https:'].includes(url.protocol)) {
    throw new TypeError(`connect: expected a ws://, wss://, http:// or https:// URL, got ${url.protocol}`);
  }
  if (url.username || url.password) throw new TypeError('connect: put credentials in the `auth` option, not in the URL (URLs end up in logs)');
  url.search = '';
  url.hash = '';
  return url;
}

/** Whether the URL's scheme is a secure one (https or wss). */
export function isSecure(url: URL): boolean {
  return url.protocol === 'https:' || url.protocol === 'wss:';
}
