#!/usr/bin/env node
/**
 * @module `pnpm demo`: builds what the shop example imports (@sdb/cli with @sdb/orm and the
 * transports, @sdb/embedded), showing the build's output only when it fails, then runs
 * examples/shop/demo.mjs: the embedded engine, `sdb migrate`, the seed, queries, one live update.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url).pathname;
const turbo = createRequire(import.meta.url).resolve('turbo/bin/turbo');

console.log('Building @sdb/cli (with @sdb/orm, @sdb/ws, @sdb/http and their dependencies) and @sdb/embedded ...');
const build = spawnSync(process.execPath, [turbo, 'run', 'build', '--filter=@sdb/cli...', '--filter=@sdb/embedded', '--output-logs=errors-only'], { cwd: root, encoding: 'utf8' });
if (build.status !== 0) {
  process.stdout.write(build.stdout ?? '');
  process.stderr.write(build.stderr ?? String(build.error ?? ''));
  process.exit(build.status ?? 1);
}
await import('../examples/shop/demo.mjs');
