#!/usr/bin/env node
/**
 * @module What a page downloads before its first call, for the entries of `.first-load.json`:
 * the entry bundled for the browser as size-limit does (esbuild, minified, tree-shaken, from the
 * packages' `dist/`) but WITH code splitting, as Vite, Rollup, webpack and wrangler bundle, and
 * summed over the entry chunk and every chunk it imports statically. A module reached only by
 * `import()` (the ORM's live queries, relation writes, auth...) lands in a chunk the page fetches
 * on first use, so it is left out. Beside it: everything reachable (no splitting, dynamic imports
 * inlined, as size-limit measures) and each `compare` bundle (the official SDK; the floor under the
 * entry, such as ql + ws under the ORM, built the same way). Fails when the
 * first load exceeds the entry's `limit`.
 */
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;

/** An entry module importing the names, as size-limit's `import` option writes it. */
function entryModule(dir, imports) {
  const lines = Object.entries(imports).map(([path, names]) => `import ${names} from ${JSON.stringify(join(root, path))}\nconsole.log(${names.replace(/[{}]/g, '').trim()})\n`);
  const file = join(dir, 'entry.js');
  writeFileSync(file, lines.join(''));
  return file;
}

/** The browser build size-limit runs (esbuild 0.28: minify, tree-shaking, browser platform), as ESM; metafile paths relative to the repo root. */
async function bundle(entry, outdir, splitting) {
  const { metafile } = await build({ entryPoints: [entry], outdir, absWorkingDir: root, bundle: true, splitting, format: 'esm', platform: 'browser', minify: true, treeShaking: true, metafile: true, write: true, logLevel: 'error' });
  return metafile;
}

const gzipped = (path) => gzipSync(readFileSync(join(root, path)), { level: 9 }).length;
/** What size-limit 12 subtracts from a gzipped `import` check: an empty esbuild project's bytes, so the figures line up with its rows. */
const EMPTY_PROJECT = 46;
const total = (paths) => paths.reduce((sum, path) => sum + gzipped(path), 0) - EMPTY_PROJECT;
const scripts = (metafile) => Object.keys(metafile.outputs).filter((path) => path.endsWith('.js'));

/**
 * The output files a page loads before running anything: the chunk of `entry` and its static
 * imports, transitively (a dynamically imported module is an entry point of its own chunk).
 */
export function loadedFirst(metafile, entry) {
  const { outputs } = metafile;
  const loaded = new Set(Object.keys(outputs).filter((path) => outputs[path].entryPoint === relative(root, entry)));
  for (const path of loaded) {
    for (const imported of outputs[path].imports) if (imported.kind === 'import-statement' && !imported.external) loaded.add(imported.path);
  }
  return [...loaded];
}

const kb = (bytes) => `${(bytes / 1000).toFixed(2)} KB`;
const bytesOf = (limit) => Number.parseFloat(limit) * (/KB$/i.test(limit) ? 1000 : 1);

/** Measures every entry of `.first-load.json`; true when one is over its limit. */
async function measureAll() {
  let failed = false;
  for (const { name, import: imports, limit, compare } of JSON.parse(readFileSync(join(root, '.first-load.json'), 'utf8'))) {
    const dir = mkdtempSync(join(tmpdir(), 'first-load-'));
    try {
      const entry = entryModule(dir, imports);
      const split = await bundle(entry, join(dir, 'split'), true);
      const loaded = loadedFirst(split, entry);
      const firstLoad = total(loaded);
      const everything = total(scripts(await bundle(entry, join(dir, 'whole'), false)));
      const over = firstLoad > bytesOf(limit);
      failed ||= over;
      console.log(`\n${name}`);
      console.log(`  first load:           ${kb(firstLoad)} (${loaded.length} of ${scripts(split).length} chunks; limit ${limit})${over ? '  OVER THE LIMIT' : ''}`);
      console.log(`  everything reachable: ${kb(everything)}`);
      for (const [i, other] of (compare ?? []).entries()) console.log(`  ${other.name}: ${kb(total(scripts(await bundle(entryModule(dir, other.import), join(dir, `compare-${i}`), false))))}`);
      for (const path of scripts(split)) console.log(`    ${loaded.includes(path) ? 'first load' : 'on demand '} ${kb(gzipped(path)).padStart(9)}  ${basename(path)}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return failed;
}

// Run as a script (`pnpm size`); imported, it only lends `loadedFirst` (the ORM's lazy-loading test).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit((await measureAll()) ? 1 : 0);
