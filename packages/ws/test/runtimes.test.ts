/**
 * Bun and Deno: the package, bundled, connects to the server under test from each runtime and
 * runs a live query, a bound query, a session and a transaction. Both runtimes are dev
 * dependencies (npm `bun` and `deno`, on PATH under `pnpm test`); SDB_BUN / SDB_DENO name other
 * binaries. A runtime that cannot start is skipped, and the test's name says so.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { surrealdb, uniqueScope } from './support.ts';

const SMOKE = `
import { connect } from './sdb-ws.mjs';
const { url, user, pass, namespace, database } = JSON.parse(globalThis.Deno ? Deno.args[0] : process.argv[2]);
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
  console.log(JSON.stringify({ sum, action: value.action, where, tx }));
} finally {
  await db.close();
}
`;

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sdb-ws-runtimes-'));
  await build({
    entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['@sdb/source'],
    outfile: join(dir, 'sdb-ws.mjs'),
    logLevel: 'error',
  });
  writeFileSync(join(dir, 'smoke.mjs'), SMOKE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function binary(name: string, override: string | undefined): string | undefined {
  if (override) return override;
  return spawnSync(name, ['--version'], { stdio: 'ignore' }).status === 0 ? name : undefined;
}

const runtimes = [
  { name: 'bun', command: binary('bun', process.env.SDB_BUN), args: (script: string, input: string) => [script, input] },
  { name: 'deno', command: binary('deno', process.env.SDB_DENO), args: (script: string, input: string) => ['run', '--allow-net', script, input] },
];

for (const runtime of runtimes) {
  test.skipIf(runtime.command === undefined)(`${runtime.name}: connect, live, query, session, transaction (skipped when ${runtime.name} is not installed)`, () => {
    const { url, user, pass } = surrealdb();
    const input = JSON.stringify({ url, user, pass, ...uniqueScope(`ws_${runtime.name}`) });
    const run = spawnSync(runtime.command as string, runtime.args(join(dir, 'smoke.mjs'), input), { encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout.trim())).toEqual({ sum: 42, action: 'CREATE', where: 'other', tx: 7 });
  });
}
