/**
 * @module Code built from source to run in a child process: the `sdb-embedded` command, or any
 * script of a package's tests. Bundled with the package's own bundler into a temporary folder
 * inside the package (so the bundle finds the package's dependencies, `ws` and `@surrealdb/node`
 * here, in its node_modules), with every @sdb package from source so that no prior build is needed.
 */
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsdown';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

export interface BuiltCli {
  /** The built command's path (the bundler picks `.js` or `.mjs`). */
  file: string;
  /** Removes the build. */
  remove(): Promise<void>;
}

export function buildCli(prefix: string): Promise<BuiltCli> {
  return buildFromSource(packageDir, 'src/cli.ts', prefix);
}

/** Bundles `entry` (a path inside `dir`, the package's folder) into one runnable module. */
export async function buildFromSource(dir: string, entry: string, prefix: string): Promise<BuiltCli> {
  const outDir = await mkdtemp(join(dir, 'node_modules', `.${prefix}-`));
  await build({
    config: false,
    cwd: dir,
    entry: { main: entry },
    outDir,
    format: 'esm',
    platform: 'node',
    dts: false,
    logLevel: 'silent',
    clean: false,
    noExternal: [/^@sdb\//],
    inputOptions: { resolve: { conditionNames: ['@sdb/source', 'import', 'node', 'default'] } },
  });
  const name = readdirSync(outDir).find((file) => /^main\.m?js$/.test(file));
  if (!name) throw new Error(`${entry} was not built into ${outDir}`);
  return { file: join(outDir, name), remove: () => rm(outDir, { recursive: true, force: true }) };
}
