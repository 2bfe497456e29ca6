#!/usr/bin/env node
/**
 * @module The release check: `pnpm pack --dry-run` of every published package (run after the
 * build), and its file list held to three rules: no test files; every shipped source file is
 * the target of a shipped source map or declaration map, and every shipped script has its map
 * (entry barrels that only re-export have no code to map); every file the
 * exports map and `bin` name (types included) is in the tarball. Exits 1 on any violation.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const TEST_FILE = /(^|\/)(test|tests|test-support|__tests__)\/|\.(test|spec)\.[cm]?[jt]sx?$|\.vitest-results\.json$|\.tsbuildinfo$/;
const problems = [];

/** True for a module that only imports and re-exports (an entry barrel): it has no code for a map to cover. */
function onlyReExports(text) {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return code.replace(/\b(import|export)\b[^;]*?(\bfrom\s*['"][^'"]+['"])?\s*;/g, '').trim() === '';
}

/** Every file path an exports map (any condition but the source one) or `bin` names. */
function namedFiles(manifest) {
  const targets = [];
  const walk = (value, condition) => {
    if (typeof value === 'string') {
      if (condition !== '@sdb/source') targets.push(value);
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) walk(inner, key);
    }
  };
  walk(manifest.exports);
  walk(typeof manifest.bin === 'string' ? { bin: manifest.bin } : manifest.bin);
  return targets.map((target) => normalize(target));
}

function checkPackage(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const pack = spawnSync('pnpm', ['pack', '--dry-run', '--json'], { cwd: dir, encoding: 'utf8' });
  if (pack.status !== 0) return problems.push(`${manifest.name}: pnpm pack --dry-run failed: ${pack.stderr.trim()}`);
  const files = new Set(JSON.parse(pack.stdout).files.map((file) => file.path));
  const list = [...files];

  for (const path of list.filter((path) => TEST_FILE.test(path))) problems.push(`${manifest.name}: ships a test file: ${path}`);

  const maps = list.filter((path) => path.endsWith('.map'));
  for (const script of list.filter((path) => /\.[cm]?js$/.test(path) && path.startsWith('dist/'))) {
    if (!files.has(`${script}.map`) && !onlyReExports(readFileSync(join(dir, script), 'utf8'))) problems.push(`${manifest.name}: ${script} ships without its source map`);
  }
  const mapped = new Set(
    maps.flatMap((map) => JSON.parse(readFileSync(join(dir, map), 'utf8')).sources.map((source) => normalize(join(dirname(map), source)))),
  );
  for (const source of list.filter((path) => path.startsWith('src/') && /\.[cm]?tsx?$/.test(path))) {
    if (!mapped.has(source) && !onlyReExports(readFileSync(join(dir, source), 'utf8'))) problems.push(`${manifest.name}: ${source} ships but no shipped source map points to it`);
  }

  for (const target of namedFiles(manifest)) {
    if (target !== 'package.json' && !files.has(target)) problems.push(`${manifest.name}: ${target} is named in package.json but not in the tarball`);
  }
  if (!list.some((path) => path.endsWith('.d.ts'))) problems.push(`${manifest.name}: ships no type declarations`);
  return list.length;
}

for (const name of readdirSync(join(root, 'packages'))) {
  const dir = join(root, 'packages', name);
  if (!existsSync(join(dir, 'package.json')) || JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).private) continue;
  const count = checkPackage(dir);
  if (typeof count === 'number') console.log(`${name}: ${count} files`);
}
if (problems.length > 0) {
  console.error(`Pack check failed (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('Pack check passed: no test files, every source behind a map, every named file (types included) shipped.');
