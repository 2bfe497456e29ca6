import { packageTests } from '../../vitest.shared.ts';

export default packageTests({ database: true, timeout: 60_000 });
