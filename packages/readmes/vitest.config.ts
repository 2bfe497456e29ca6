import { mergeConfig } from 'vitest/config';
import { packageTests } from '../../vitest.shared.ts';

// What a README example prints is for its reader; the check is that it compiles and runs.
export default mergeConfig(packageTests({ database: true, timeout: 30_000 }), { test: { onConsoleLog: () => false } });
