/**
 * Bun, Deno and a real browser (headless Chromium): the package, bundled for the browser
 * platform, connects to the server under test from each runtime and runs a live query, a bound
 * query, a session and a transaction. A runtime this machine lacks is skipped, and the test's
 * name says so (CI installs all three).
 */
import { fileURLToPath } from 'node:url';
import { testEachRuntime } from '../../embedded/test-support/runtimes.ts';
import { surrealdb, uniqueScope } from './support.ts';

const SMOKE = `
import { connect } from './sdb.mjs';
export async function smoke({ url, user, pass, namespace, database }) {
  const auth = { username: user, password: pass };
  const db = await connect(url, { namespace, database, auth });
  try {
    await db.queryAll('DEFINE TABLE smoke');
    const live = await db.live('smoke');
    await db.query('CREATE smoke:1 SET ok = true');
    const { value } = await live[Symbol.asyncIterator]().next();
    const [sum] = await db.queryAll('RETURN $a + $b', { a: 20, b: 22 });
    const session = await db.session({ namespace, database: 'other', auth });
    const [where] = await session.queryAll('RETURN session::db()');
    await session.close();
    const tx = await db.transaction(async (t) => (await t.queryAll('RETURN 7'))[0]);
    return { sum, action: value.action, where, tx };
  } finally {
    await db.close();
  }
}
`;

testEachRuntime({
  entry: fileURLToPath(new URL('../src/index.ts', import.meta.url)),
  smoke: SMOKE,
  does: 'connect, live, query, session, transaction',
  input: (runtime) => {
    const { url, user, pass } = surrealdb();
    return { url, user, pass, ...uniqueScope(`ws_${runtime}`) };
  },
  expected: { sum: 42, action: 'CREATE', where: 'other', tx: 7 },
});
