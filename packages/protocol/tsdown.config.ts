import { packageBuild } from '../../tsdown.config.base.ts';

// One output file per source module: bundlers then drop whole unused modules (`sideEffects: false`),
// which a single bundled file would defeat (every value class would ride along with `RpcClient`).
export default packageBuild({ index: 'src/index.ts', transport: 'src/transport.ts' }, { unbundle: true });
