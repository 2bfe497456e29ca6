/**
 * Tree-shaking: a browser bundle of the migration engine keeps the DEFINE code it diffs and no
 * model class, queryset, live query or @sdb/stream module, and no row of the function catalogue;
 * a bundle that declares models keeps no DEFINE builder or schema printer.
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

test('the @sdb/orm/migrations bundle carries no row of the function catalogue, only the names of the functions it calls', async () => {
  const code = await browserModule(fileURLToPath(new URL('../src/migrations/index.ts', import.meta.url)));
  const functionNames = new Set([...code.matchAll(/["'`]([a-z_]+(?:::[a-z_0-9]+)+)/g)].map((match) => match[1]));
  // The search:: and vector:: names are @sdb/functions' four reference-argument functions (call.ts), not catalogue rows.
  expect([...functionNames].sort()).toEqual(['search::highlight', 'search::offsets', 'search::score', 'time::now', 'type::is_none', 'type::table', 'vector::distance::knn']);
});

test('model, f and configure bundle no DEFINE builder, schema printer or query compiler, only the clause parts a declaration stores', async () => {
  const sources = await bundledSources(`export { model, f, configure } from '../src/index.ts';`, import.meta.url);
  expect(sources).toContain('ql/src/statements/schema-clauses.ts');
  expect(sources.filter((path) => /ql\/src\/(schema-compiler|query-compiler|statements\/(define[^/]*|remove))\.ts|orm\/src\/schema\/define\.ts/.test(path))).toEqual([]);
});
