/**
 * @module The `sdb-embedded` command built from source, as a test runs it in a child process:
 * bundled with the package's own bundler into a temporary folder inside the package (so the
 * bundle finds `ws` and `@surrealdb/node` in its node_modules), with @sdb/protocol from source so
 * that no prior build is needed.
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

export async function buildCli(prefix: string): Promise<BuiltCli> {
  const outDir = await mkdtemp(join(packageDir, 'node_modules', `.${prefix}-`));
  await build({
    config: false,
    cwd: packageDir,
    entry: { cli: 'src/cli.ts' },
    outDir,
    format: 'esm',
    platform: 'node',
    dts: false,
    logLevel: 'silent',
    clean: false,
    noExternal: ['@sdb/protocol'],
    inputOptions: { resolve: { conditionNames: ['@sdb/source', 'import', 'node', 'default'] } },
  });
  const name = readdirSync(outDir).find((entry) => /^cli\.m?js$/.test(entry));
  if (!name) throw new Error(`the CLI was not built into ${outDir}`);
  return { file: join(outDir, name), remove: () => rm(outDir, { recursive: true, force: true }) };
}
