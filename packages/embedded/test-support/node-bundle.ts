/**
 * @module Builds test entry points from source into plain Node.js scripts with the package's own
 * bundler, so a test can run them as child processes (Node 20 runs no TypeScript by itself): the
 * `sdb-embedded` command, or any script of a package's tests. Every @sdb package is bundled from
 * source, so no prior build is needed.
 */
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsdown';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

export interface NodeBundle {
  /** The built script for one entry name. */
  file(name: string): string;
  remove(): Promise<void>;
}

/**
 * Bundles `entries` (name → path from the package folder `dir`, @sdb/embedded's by default) as ESM
 * scripts for Node.
 */
export async function bundleForNode(entries: Record<string, string>, dir = packageDir): Promise<NodeBundle> {
  // Inside the package, so the bundle finds its dependencies (`ws`, `@surrealdb/node`...) in its node_modules.
  const outDir = await mkdtemp(join(dir, 'node_modules', '.node-bundle-'));
  await build({
    config: false,
    cwd: dir,
    entry: entries,
    outDir,
    format: 'esm',
    platform: 'node',
    dts: false,
    logLevel: 'silent',
    clean: false,
    noExternal: [/^@sdb\//],
    // No 'import' here: listed, it also matched CommonJS requires, so isomorphic-ws's `require('ws')`
    // got ws's ESM wrapper and @sdb/ws's Node fallback found no WebSocket class in a bundle.
    inputOptions: { resolve: { conditionNames: ['@sdb/source', 'node', 'default'] } },
  });
  return {
    file(name) {
      // The bundler picks `.js` or `.mjs`.
      const file = readdirSync(outDir).find((candidate) => candidate === `${name}.js` || candidate === `${name}.mjs`);
      if (!file) throw new Error(`${name} was not built into ${outDir}`);
      return join(outDir, file);
    },
    remove: () => rm(outDir, { recursive: true, force: true }),
  };
}
