/**
 * @module Bundles the page (`src/dashboard.ts` and the sdb packages it imports) into
 * `dist/dashboard.js` with esbuild, beside a copy of `index.html`. `node build.mjs` runs it.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Builds the page into `outdir` (default `dist/`) and answers that folder. */
export async function buildDashboard(outdir = join(here, 'dist')) {
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: [join(here, 'src/dashboard.ts')],
    outfile: join(outdir, 'dashboard.js'),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@sdb/source'],
    logLevel: 'error',
  });
  copyFileSync(join(here, 'index.html'), join(outdir, 'index.html'));
  return outdir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(`built ${await buildDashboard()}`);
