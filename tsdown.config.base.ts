/**
 * @module The one build setup every package shares: ESM only, with .d.ts, for Node 20+ and browsers.
 */
import { defineConfig, type UserConfig } from 'tsdown';

export function packageBuild(entry: Record<string, string> = { index: 'src/index.ts' }, overrides: UserConfig = {}) {
  return defineConfig({
    entry,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    // Declaration maps: "go to definition" in an editor lands in the shipped src/, also for type-only modules.
    dts: { sourcemap: true },
    sourcemap: true,
    clean: true,
    treeshake: true,
    ...overrides,
  });
}
