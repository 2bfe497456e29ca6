import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vitest/config';
import { packageTests } from '../../vitest.shared.ts';

// One file at a time: the load and heap figures would otherwise measure the other files too.
export default mergeConfig(packageTests({ database: true, timeout: 180_000 }), {
  test: {
    globalSetup: [fileURLToPath(new URL('./test/support/figures-report.ts', import.meta.url))],
    fileParallelism: false,
  },
});
