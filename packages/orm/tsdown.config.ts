import { packageBuild } from '../../tsdown.config.base.ts';

// One output file per source module, as @sdb/ql: bundlers then drop every module a user does not
// reach (`sideEffects: false`); a shared chunk would make `@sdb/orm/migrations` carry querysets and @sdb/stream.
export default packageBuild({ index: 'src/index.ts', migrations: 'src/migrations/index.ts' }, { unbundle: true });
