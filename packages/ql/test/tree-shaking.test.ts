/**
 * Tree-shaking: a browser bundle that builds and compiles a SELECT keeps the compiler and no
 * row of @sdb/functions' catalogue (`fn.*`), which only a query that calls a function needs.
 */
import { expect, test } from 'vitest';
import { bundledSources } from '../../embedded/test-support/browser-bundle.ts';

test('importing select and compile from @sdb/ql bundles the compiler and no function catalogue', async () => {
  const sources = await bundledSources(`export { select, compile } from '../src/index.ts';`, import.meta.url);
  expect(sources).toContain('ql/src/compiler.ts');
  expect(sources.filter((path) => /functions\/src\/(catalogue|namespaces)/.test(path))).toEqual([]);
});

test('importing select and compile from @sdb/ql bundles no schema printer', async () => {
  const sources = await bundledSources(`export { select, compile } from '../src/index.ts';`, import.meta.url);
  expect(sources.filter((path) => /ql\/src\/(schema-compiler|query-compiler)\.ts/.test(path))).toEqual([]);
});

test('importing define and compile from @sdb/ql bundles the schema printer with it', async () => {
  const sources = await bundledSources(`export { define, compile } from '../src/index.ts';`, import.meta.url);
  expect(sources).toContain('ql/src/schema-compiler.ts');
});
