import { packageBuild } from '../../tsdown.config.base.ts';

// platform 'node' would default to .mjs; the package is "type": "module", so keep the .js names its exports map uses.
export default packageBuild({ index: 'src/index.ts', cli: 'src/cli.ts' }, { platform: 'node', fixedExtension: false });
