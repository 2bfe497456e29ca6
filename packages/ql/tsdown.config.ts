import { packageBuild } from '../../tsdown.config.base.ts';

// One output file per source module, as @sdb/protocol and @sdb/functions: bundlers then drop every
// module a user does not reach (`sideEffects: false`), e.g. the DEFINE builders when only `select` is imported.
export default packageBuild({ index: 'src/index.ts' }, { unbundle: true });
