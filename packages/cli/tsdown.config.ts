import { packageBuild } from '../../tsdown.config.base.ts';

// Node only; the package is "type": "module", so keep the .js names its exports map and bin use.
export default packageBuild({ index: 'src/index.ts', main: 'src/main.ts' }, { platform: 'node', fixedExtension: false });
