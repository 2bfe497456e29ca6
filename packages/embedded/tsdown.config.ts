import { packageBuild } from '../../tsdown.config.base.ts';

export default packageBuild({ index: 'src/index.ts', cli: 'src/cli.ts' }, { platform: 'node' });
