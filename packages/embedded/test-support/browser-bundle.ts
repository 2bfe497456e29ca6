/**
 * @module A package bundled for the browser platform as one classic script, for tests that load
 * it where only web APIs exist (an Edge Runtime VM). `prepareSmoke` in runtimes.ts writes ES
 * module files for Bun, Deno and Chromium instead.
 */
import { build } from 'esbuild';

/** `entry` (a package's `src/index.ts`) bundled into a script that defines the global `globalName`. */
export async function browserScript(entry: string, globalName: string): Promise<string> {
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    globalName,
    platform: 'browser',
    conditions: ['@sdb/source'],
    target: 'es2022',
  });
  return bundle.outputFiles[0]!.text;
}
