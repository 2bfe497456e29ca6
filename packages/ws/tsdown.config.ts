import { packageBuild } from '../../tsdown.config.base.ts';

// The WebSocket fallback is built on its own and imported as `#websocket-fallback`: package.json
// `imports` hands browser builds the empty one, so they carry no `ws` loader (see socket.ts).
export default packageBuild(
  { index: 'src/index.ts', 'websocket-fallback': 'src/websocket-fallback.ts', 'websocket-fallback.browser': 'src/websocket-fallback.browser.ts' },
  { external: ['#websocket-fallback'] },
);
