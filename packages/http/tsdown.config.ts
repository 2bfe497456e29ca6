import { packageBuild } from '../../tsdown.config.base.ts';

// Two entries: the browser/edge/Deno/Bun one (fetch) and Node's (undici), chosen by the `node` export condition.
export default packageBuild({ index: 'src/index.ts', node: 'src/node.ts' });
