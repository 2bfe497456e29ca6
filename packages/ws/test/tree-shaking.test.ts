/**
 * Tree-shaking: a browser bundle of `connect` takes the browser `#websocket-fallback` (none), so
 * it carries neither the `ws` loader nor the isomorphic-ws shim; Node still gets the loader.
 */
import { expect, test } from 'vitest';
import { bundledSources } from '../../embedded/test-support/browser-bundle.ts';
import { loadWebSocketFallback } from '#websocket-fallback';

test('a browser bundle of connect has no ws loader and no isomorphic-ws', async () => {
  const sources = await bundledSources(`export { connect } from '../src/index.ts';`, import.meta.url);
  expect(sources).toContain('ws/src/transport.ts');
  expect(sources.filter((path) => /isomorphic-ws|websocket-fallback\.ts$/.test(path))).toEqual([]);
});

test('in Node the fallback loads the ws WebSocket class', async () => {
  const module = await loadWebSocketFallback?.();
  expect(typeof module?.default).toBe('function');
});
