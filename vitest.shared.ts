/**
 * @module Vitest settings every package shares: workspace packages resolve to their `src/`
 * through the `@sdb/source` export condition, and integration tests get a real SurrealDB
 * from the embedded global setup.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export const realDatabaseSetup = fileURLToPath(new URL('./packages/embedded/test-support/global-setup.ts', import.meta.url));

export function packageTests(options: { database?: boolean; timeout?: number } = {}) {
  return defineConfig({
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
