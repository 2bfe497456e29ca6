import { packageBuild } from '../../tsdown.config.base.ts';

export default packageBuild({ index: 'src/index.ts', migrations: 'src/migrations/index.ts' });
