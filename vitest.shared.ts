/**
 * @module Vitest settings every package shares: workspace packages resolve to their `src/`
 * through the `@sdb/source` export condition, integration tests get a real SurrealDB
 * from the embedded global setup, and the engine's stray debug dump stays out of the log.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { withoutEngineDebugOutput } from './packages/embedded/test-support/engine-debug-output.ts';

export const realDatabaseSetup = fileURLToPath(new URL('./packages/embedded/test-support/global-setup.ts', import.meta.url));

export function packageTests(options: { database?: boolean; timeout?: number } = {}) {
  return defineConfig({
    plugins: [withoutEngineDebugOutput()],
    resolve: { conditions: ['@sdb/source'] },
    ssr: { resolve: { conditions: ['@sdb/source'] } },
    test: {
      include: ['test/**/*.test.ts'],
      globalSetup: options.database ? [realDatabaseSetup] : [],
      testTimeout: options.timeout ?? 20_000,
      hookTimeout: 60_000,
      pool: 'forks',
      reporters: ['default', 'json'],
      outputFile: { json: '.vitest-results.json' },
    },
  });
}
