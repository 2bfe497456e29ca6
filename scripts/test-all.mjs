#!/usr/bin/env node
/**
 * @module The whole test suite, as README and CI run it: the layering check, the package checks
 * (build, publint, attw, tsc), the `pnpm pack --dry-run` file lists, the API reference (TypeDoc, failing on an undocumented export or a
 * broken link), the bundle size limits (size-limit, then the first-load figures of scripts/first-load.mjs), then every package's tests against the real engine
 * (with packages/readmes, which type-checks and runs every TypeScript block of the READMEs),
 * ending with one plain "N passed, N failed, N skipped" line summed over all packages.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const packageDirs = ['packages', 'examples'].flatMap((folder) => readdirSync(join(root, folder)).map((name) => join(root, folder, name)));
const resultFiles = packageDirs.map((dir) => join(dir, '.vitest-results.json'));
for (const file of resultFiles) rmSync(file, { force: true });

function run(title, command, args) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return status === 0;
}

const steps = [
  ['layering', 'node', ['scripts/check-layers.mjs']],
  ['package checks', 'pnpm', ['turbo', 'run', 'lint', '--concurrency=1']],
  ['pack file lists', 'node', ['scripts/check-packs.mjs']],
  ['type checks', 'pnpm', ['turbo', 'run', 'typecheck', '--concurrency=1']],
  ['API reference', 'node', ['scripts/docs.mjs']],
  ['bundle sizes', 'pnpm', ['run', 'size']],
];
let ok = steps.every(([title, command, args]) => run(title, command, args));
const testsOk = ok && run('tests', 'pnpm', ['turbo', 'run', 'test', '--concurrency=1', '--continue']);
ok = ok && testsOk;

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of resultFiles.filter((path) => existsSync(path))) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}
console.log(`\n${ok ? 'All checks passed' : 'Some checks FAILED'}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(ok && failed === 0 ? 0 : 1);
