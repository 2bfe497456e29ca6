import { packageBuild } from '../../tsdown.config.base.ts';

// One output file per source module, as @sdb/protocol: bundlers then drop every module a user does
// not reach (`sideEffects: false`), so `Expression` or @sdb/ql carry no catalogue row.
export default packageBuild({ index: 'src/index.ts', core: 'src/core.ts' }, { unbundle: true });
