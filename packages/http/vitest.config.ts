/**
 * The suite runs over both request paths, as two vitest projects: `fetch`, the entry of browsers,
 * edge runtimes, Deno and Bun (src/index.ts), and `undici`, Node's entry (src/node.ts). Each test
 * imports `@sdb/http`, resolved here to the project's entry. The browser-bundle tests (edge VM;
 * Bun, Deno, Chromium) bundle the fetch entry themselves, so they run in the fetch project only.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import { packageTests } from '../../vitest.shared.ts';
const project = (name: string, file: string, exclude: string[] = []) => ({
  extends: true,
  resolve: { alias: [{ find: /^@sdb\/http$/, replacement: fileURLToPath(new URL(`./src/${file}`, import.meta.url)) }] },
  test: { name, exclude: ['**/node_modules/**', ...exclude] },
});
export default mergeConfig(packageTests({ database: true }), defineConfig({ test: { projects: [project('fetch', 'index.ts', ['test/node-entry.test.ts', 'test/tls.test.ts']), project('undici', 'node.ts', ['test/edge-runtime.test.ts', 'test/runtimes.test.ts'])] } }));
