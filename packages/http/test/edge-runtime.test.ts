/**
 * Edge runtime proof: the package, bundled for the browser platform (the platform's `fetch`),
 * runs inside an Edge Runtime VM (no `process`, `Buffer` or `require`; the platform's own `fetch`)
 * and does real work against the server under test.
 */
import { fileURLToPath } from 'node:url';
import { EdgeVM } from '@edge-runtime/vm';
import { expect, test } from 'vitest';
import { browserScript } from '../../embedded/test-support/browser-bundle.ts';
import { surrealdb, uniqueScope } from './support.ts';

test('connect, query, atomic batch, export and close inside an Edge Runtime VM', async () => {
  const packageScript = await browserScript(fileURLToPath(new URL('../src/index.ts', import.meta.url)), 'sdbHttp');
  const vm = new EdgeVM();
  expect(vm.evaluate('[typeof process, typeof Buffer, typeof require]')).toEqual(['undefined', 'undefined', 'undefined']);
  vm.evaluate(packageScript);

  const { httpUrl, user, pass } = surrealdb();
  const scope = uniqueScope('http_edge');
  const script = `(async () => {
    const db = await sdbHttp.connect(${JSON.stringify(httpUrl)}, {
      namespace: ${JSON.stringify(scope.namespace)}, database: ${JSON.stringify(scope.database)},
      auth: { username: ${JSON.stringify(user)}, password: ${JSON.stringify(pass)} },
    });
    try {
      await db.query('DEFINE TABLE edge');
      await db.query('BEGIN; CREATE edge:1 SET ok = true; COMMIT;');
      const [sum] = await db.queryAll('RETURN $a + $b', { a: 20, b: 22 });
      const records = await db.select('edge');
      const script = await db.export();
      return JSON.stringify({ sum, records, exported: script.includes('DEFINE TABLE edge') });
    } finally {
      await db.close();
    }
  })()`;
  const outcome = JSON.parse(await vm.evaluate<Promise<string>>(script));
  expect(outcome).toEqual({ sum: 42, records: [{ id: 'edge:1', ok: true }], exported: true });
});
