/**
 * Features a page may never use load on first use: in a browser bundle with code splitting (as
 * Vite, Rollup, webpack and wrangler build an app), `model`, `f` and `configure` load no live
 * query or @sdb/stream module, no write (nor its checks), no sign-in, no relation write, no
 * prefetch loading, no hybrid search and no upsert; each sits in a chunk of its own, fetched
 * when its method is first called.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { expect, test } from 'vitest';
// The rule scripts/first-load.mjs measures by (the entry chunk and its static imports), shared.
import { loadedFirst } from '../../../scripts/first-load.mjs';

const packages = decodeURIComponent(new URL('../..', import.meta.url).pathname);
const onDemand = ['orm/src/query/live.ts', 'stream/src/live.ts', 'stream/src/changes.ts', 'orm/src/auth/session.ts', 'orm/src/relations/edge-writes.ts', 'orm/src/relations/prefetch-loader.ts', 'orm/src/search/hybrid.ts', 'orm/src/query/upsert.ts', 'orm/src/query/write.ts', 'orm/src/query/patch.ts', 'orm/src/schema/validate.ts'];

/** The sources (paths under packages/) in the chunks a page loads first, and in the others. */
async function splitSources(code: string): Promise<{ first: string[]; later: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'orm-lazy-'));
  try {
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, code);
    const { metafile } = await build({ entryPoints: [entry], outdir: join(dir, 'out'), absWorkingDir: join(packages, '..'), bundle: true, splitting: true, format: 'esm', platform: 'browser', conditions: ['@sdb/source'], minify: true, metafile: true, write: false, logLevel: 'error' });
    const loaded: string[] = loadedFirst(metafile, entry);
    const sourcesOf = (outputs: string[]) => outputs.flatMap((output) => Object.entries(metafile.outputs[output]!.inputs).flatMap(([path, input]) => (input.bytesInOutput > 0 ? [path.replace(/^packages\//, '')] : [])));
    return { first: sourcesOf(loaded), later: sourcesOf(Object.keys(metafile.outputs).filter((output) => !loaded.includes(output))) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('model + f + configure load writes and their checks, live queries, @sdb/stream, sign-in, relation writes, prefetching, hybrid search and upsert only on first use', async () => {
  const { first, later } = await splitSources(`export { model, f, configure } from '${packages}orm/src/index.ts';`);
  expect(first).toContain('orm/src/query/queryset.ts');
  expect(first.filter((path) => onDemand.includes(path) || path.startsWith('stream/src/'))).toEqual([]);
  expect(onDemand.filter((path) => !later.includes(path))).toEqual([]);
});

test('MemoryCheckpoint, re-exported by @sdb/orm, loads the checkpoints alone, not the live queries and change feeds of @sdb/stream', async () => {
  const { first } = await splitSources(`export { MemoryCheckpoint } from '${packages}orm/src/index.ts';`);
  expect(first.filter((path) => path.startsWith('stream/src/'))).toEqual(['stream/src/checkpoint.ts']);
});
