import { packageTests } from '../../vitest.shared.ts';

export default packageTests({ timeout: 60_000 });
