/**
 * Bun, Deno and a real browser (headless Chromium): the package, bundled for the browser platform
 * (the runtime's own `fetch`), signs in to the server under test from each
 * runtime and runs a bound query, an atomic BEGIN…COMMIT query, a select and an export. In Chromium the server is
 * another origin, so this also proves the requests pass CORS. A runtime this machine lacks is
 * skipped, and the test's name says so (CI installs all three).
 */
import { fileURLToPath } from 'node:url';
import { testEachRuntime } from '../../embedded/test-support/runtimes.ts';
import { surrealdb, uniqueScope } from './support.ts';

const SMOKE = `
import { connect } from './sdb.mjs';
export async function smoke({ url, user, pass, namespace, database }) {
  const db = await connect(url, { namespace, database, auth: { username: user, password: pass } });
  try {
    await db.query('DEFINE TABLE smoke');
    await db.query('BEGIN; CREATE smoke:1 SET ok = true; COMMIT;');
    const [sum] = await db.queryAll('RETURN $a + $b', { a: 20, b: 22 });
    const records = await db.select('smoke');
    const script = await db.export();
    return { sum, records: JSON.parse(JSON.stringify(records)), exported: script.includes('DEFINE TABLE smoke') };
  } finally {
    await db.close();
  }
}
`;

testEachRuntime({
  entry: fileURLToPath(new URL('../src/index.ts', import.meta.url)),
  smoke: SMOKE,
  does: 'sign in, query, atomic batch, select, export',
  input: (runtime) => {
    const { httpUrl, user, pass } = surrealdb();
    return { url: httpUrl, user, pass, ...uniqueScope(`http_${runtime}`) };
  },
  expected: { sum: 42, records: [{ id: 'smoke:1', ok: true }], exported: true },
});
