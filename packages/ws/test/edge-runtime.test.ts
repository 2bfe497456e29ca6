/**
 * Edge runtime proof: the package, bundled for the browser platform, runs inside an Edge Runtime
 * VM (no `process`, `Buffer` or `require`; the platform's own `WebSocket`) and does real work
 * against the server under test.
 */
import { fileURLToPath } from 'node:url';
import { EdgeVM } from '@edge-runtime/vm';
import { expect, test } from 'vitest';
import { browserScript } from '../../embedded/test-support/browser-bundle.ts';
import { surrealdb, uniqueScope } from './support.ts';

test('connect, query, live and close inside an Edge Runtime VM', async () => {
  const packageScript = await browserScript(fileURLToPath(new URL('../src/index.ts', import.meta.url)), 'sdbWs');
  const vm = new EdgeVM();
  expect(vm.evaluate('[typeof process, typeof Buffer, typeof require]')).toEqual(['undefined', 'undefined', 'undefined']);
  vm.evaluate(packageScript);

  const { user, pass } = surrealdb();
  const scope = uniqueScope('ws_edge');
  const script = `(async () => {
    const db = await sdbWs.connect(${JSON.stringify(surrealdb().url)}, {
      namespace: ${JSON.stringify(scope.namespace)}, database: ${JSON.stringify(scope.database)},
      auth: { username: ${JSON.stringify(user)}, password: ${JSON.stringify(pass)} },
    });
    try {
      await db.query('DEFINE TABLE edge');
      const live = await db.live('edge');
      await db.query('CREATE edge:1 SET ok = true');
      const { value } = await live[Symbol.asyncIterator]().next();
      const [sum] = await db.queryAll('RETURN $a + $b', { a: 20, b: 22 });
      return JSON.stringify({ sum, action: value.action, record: String(value.record), result: value.result });
    } finally {
      await db.close();
    }
  })()`;
  const outcome = JSON.parse(await vm.evaluate<Promise<string>>(script));
  expect(outcome).toEqual({ sum: 42, action: 'CREATE', record: 'edge:1', result: { id: 'edge:1', ok: true } });
});
