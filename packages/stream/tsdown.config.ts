import { packageBuild } from '../../tsdown.config.base.ts';

// `@sdb/stream/checkpoint` on its own: @sdb/orm re-exports the checkpoints from it, so an ORM
// bundle reaches the stream code only through the ORM's lazily imported live module.
export default packageBuild({ index: 'src/index.ts', checkpoint: 'src/checkpoint.ts' });
