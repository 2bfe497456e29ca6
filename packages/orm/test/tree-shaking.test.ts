/**
 * Tree-shaking: a browser bundle of the migration engine keeps the DEFINE code it diffs and no
 * model class, queryset, live query or @sdb/stream module, and no function namespace it does not call.
 */
import { expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { browserModule, bundledSources } from '../../embedded/test-support/browser-bundle.ts';

const migrations = `export { migrate, makeMigration } from '../src/migrations/index.ts';`;

test('migrate and makeMigration bundle the DEFINE code and no model class, queryset, live query or @sdb/stream', async () => {
  const sources = await bundledSources(migrations, import.meta.url);
  expect(sources).toContain('orm/src/schema/define.ts');
  expect(sources.filter((path) => /orm\/src\/(schema\/(model|edge)\.ts|query\/|relations\/|search\/|auth\/)|stream\/src\//.test(path))).toEqual([]);
});

test('the @sdb/orm/migrations bundle carries only the time and type rows of the function catalogue', async () => {
  const code = await browserModule(fileURLToPath(new URL('../src/migrations/index.ts', import.meta.url)));
  const namespaces = new Set([...code.matchAll(/["'`]([a-z_]+)::/g)].map((match) => match[1]));
  expect([...namespaces].sort()).toEqual(['time', 'type']);
});
