#!/usr/bin/env node
/**
 * @module `pnpm demo`: builds what the demo imports (@sdb/orm and its dependencies, @sdb/ws,
 * @sdb/embedded), showing the build's output only when it fails, then runs
 * packages/orm/examples/demo.mjs.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url).pathname;
const turbo = createRequire(import.meta.url).resolve('turbo/bin/turbo');

console.log('Building @sdb/orm (with @sdb/protocol, @sdb/functions, @sdb/ql), @sdb/ws and @sdb/embedded ...');
const build = spawnSync(
  process.execPath,
  [turbo, 'run', 'build', '--filter=@sdb/orm...', '--filter=@sdb/ws', '--filter=@sdb/embedded', '--output-logs=errors-only'],
  { cwd: root, encoding: 'utf8' },
);
if (build.status !== 0) {
  process.stdout.write(build.stdout ?? '');
  process.stderr.write(build.stderr ?? String(build.error ?? ''));
  process.exit(build.status ?? 1);
}
await import('../packages/orm/examples/demo.mjs');
