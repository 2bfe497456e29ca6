/**
 * @module A package bundled for the browser platform (its `src/` through the `@sdb/source`
 * condition), for tests that load it where only web APIs exist: as a classic script for an Edge
 * Runtime VM, or as an ES module for Bun, Deno and Chromium (runtimes.ts); or split into chunks
 * from the packages' `dist/`, as an application's bundler builds it.
 */
import { build, type BuildOptions, type Metafile } from 'esbuild';

async function bundle(entry: string, output: Pick<BuildOptions, 'format' | 'globalName'>): Promise<string> {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, platform: 'browser', conditions: ['@sdb/source'], target: 'es2022', logLevel: 'error', ...output });
  return result.outputFiles[0]!.text;
}

/** `entry` (a package's `src/index.ts`) bundled into a script that defines the global `globalName`. */
export function browserScript(entry: string, globalName: string): Promise<string> {
  return bundle(entry, { format: 'iife', globalName });
}

/** `entry` bundled into one ES module. */
export function browserModule(entry: string): Promise<string> {
  return bundle(entry, { format: 'esm' });
}

/** The `packages/` directory: metafile paths are written relative to it. */
const packagesDir = decodeURIComponent(new URL('../..', import.meta.url).pathname);
/** The repository root: split metafile paths are written relative to it, as scripts/first-load.mjs reads them. */
const repositoryDir = decodeURIComponent(new URL('../../..', import.meta.url).pathname);

/**
 * `entry` bundled as Vite, Rollup, webpack and esbuild users build an app: from the packages'
 * `dist/` (no `@sdb/source`), as ES modules with code splitting, so every `import()` target is a
 * chunk of its own. Writes `<name>.mjs` and its chunk files (one per shared part, one per
 * `import()` target) into `outdir`, and answers the metafile (paths relative to the repository
 * root), which says what each file holds.
 */
export async function browserModuleChunks(entry: string, outdir: string, name: string): Promise<Metafile> {
  const result = await build({ entryPoints: { [name]: entry }, outdir, absWorkingDir: repositoryDir, outExtension: { '.js': '.mjs' }, bundle: true, splitting: true, format: 'esm', platform: 'browser', target: 'es2022', metafile: true, logLevel: 'error' });
  return result.metafile;
}

/**
 * The source files a browser bundle of `code` (ES module text whose imports resolve from the
 * file at `importer`, an `import.meta.url`) keeps after tree-shaking, as paths under `packages/`
 * (e.g. `protocol/src/values/record-id.ts`): what a tree-shaking test inspects.
 */
export async function bundledSources(code: string, importer: string): Promise<string[]> {
  const resolveDir = decodeURIComponent(new URL('.', importer).pathname);
  const result = await build({ stdin: { contents: code, resolveDir, loader: 'ts' }, absWorkingDir: packagesDir, bundle: true, write: false, minify: true, metafile: true, platform: 'browser', conditions: ['@sdb/source'], target: 'es2022', logLevel: 'error', format: 'esm' });
  const [output] = Object.values(result.metafile.outputs);
  return Object.entries(output!.inputs).flatMap(([path, input]) => (input.bytesInOutput > 0 ? [path] : []));
}
