/**
 * The whole browser-safe stack where users run it: `stack-smoke.ts` (ws, http, pool, stream,
 * functions, ql, orm and protocol together), bundled for the browser platform, runs in Bun,
 * Deno and headless Chromium through the transports' runner (`testEachRuntime`), and in an Edge
 * Runtime VM, against the server under test. Every runtime must answer the same outcome.
 *
 * Then the same smoke as an app's bundler builds it from the packages' `dist/`: split into ES
 * module chunks, the ORM's live queries and relation writes each in a chunk that `sdb.mjs` does
 * not import statically, which every runtime must load as a file of its own on first use.
 */
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EdgeVM } from '@edge-runtime/vm';
import { expect, test } from 'vitest';
import { loadedFirst } from '../../../scripts/first-load.mjs';
import { browserScript } from '../../embedded/test-support/browser-bundle.ts';
import { surrealdb, uniqueScope } from '../../embedded/test-support/index.ts';
import { testEachRuntime, type Runtime, type SmokeBundle } from '../../embedded/test-support/runtimes.ts';
import type { StackInput, StackOutcome } from './stack-smoke.ts';

const entry = fileURLToPath(new URL('./stack-smoke.ts', import.meta.url));

function input(runtime: string): StackInput {
  const { url, httpUrl, user, pass } = surrealdb();
  return { url, httpUrl, user, pass, ...uniqueScope(`stack_${runtime}`) };
}

const expected: StackOutcome = {
  ormLive: { action: 'CREATE', name: 'Ann' },
  linkLookup: ['Ann', 'Cy'],
  edgeFriends: ['Bo'],
  qlRows: [
    { name: 'Ann', shout: 'ANN' },
    { name: 'Bo', shout: 'BO' },
  ],
  streamLive: { action: 'CREATE', id: 'company' },
  poolCount: 3,
  recordId: 'person:ann',
};

const smoke = "export { smoke } from './sdb.mjs';\n";

testEachRuntime({
  entry,
  smoke,
  does: 'ws + http + pool clients, ORM live query, link lookup, edge relation, ql with functions, stream live query',
  input,
  expected,
});

/** The chunk file whose entry point (an `import()` target) is `source`, a path under the repository root. */
function chunkOf(bundle: SmokeBundle, source: string): string {
  const [path] = Object.entries(bundle.metafile!.outputs).find(([, output]) => output.entryPoint === source) ?? [];
  if (path === undefined) throw new Error(`no chunk of its own holds ${source}`);
  return basename(path);
}

/**
 * The smoke's live query and edge write ran, so their chunks were loaded: files that sdb.mjs
 * does not import statically. Chromium's log of the files it fetched shows when: once the smoke
 * was called, never while loading; and the sign-in chunk, which the smoke never needs, not at all.
 */
function loadedOnFirstUse(runtime: Runtime['name'], bundle: SmokeBundle): void {
  const firstLoad = loadedFirst(bundle.metafile!, entry).map((path) => basename(path));
  const onFirstUse = [chunkOf(bundle, 'packages/orm/dist/query/live.js'), chunkOf(bundle, 'packages/orm/dist/relations/edge-writes.js')];
  expect(firstLoad).toContain('sdb.mjs');
  expect(firstLoad.filter((file) => onFirstUse.includes(file))).toEqual([]);
  if (runtime !== 'chromium') return;
  const fetched = (phase: string) => bundle.served.filter((served) => served.phase === phase).map((served) => served.file);
  expect(fetched('load')).toEqual(expect.arrayContaining(['smoke.mjs', ...firstLoad]));
  expect(fetched('load').filter((file) => onFirstUse.includes(file))).toEqual([]);
  expect(fetched('smoke')).toEqual(expect.arrayContaining(onFirstUse));
  expect(fetched('smoke')).not.toContain(chunkOf(bundle, 'packages/orm/dist/auth/session.js'));
}

testEachRuntime({
  entry,
  smoke,
  does: 'the same stack split into chunks from dist/, the live-query and edge-write chunks loaded as files of their own on first use',
  input: (runtime) => input(`${runtime}_split`),
  expected,
  split: true,
  node: true,
  check: loadedOnFirstUse,
});

// The Edge VM evaluates scripts only (an `import()` inside it rejects with
// ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), so it runs the one-file bundle, not the split one.
test('edge: the same stack inside an Edge Runtime VM (no process, Buffer or require)', async () => {
  const vm = new EdgeVM();
  expect(vm.evaluate('[typeof process, typeof Buffer, typeof require]')).toEqual(['undefined', 'undefined', 'undefined']);
  vm.evaluate(await browserScript(entry, 'sdbStack'));
  const outcome = await vm.evaluate<Promise<string>>(`sdbStack.smoke(${JSON.stringify(input('edge'))}).then(JSON.stringify)`);
  expect(JSON.parse(outcome)).toEqual(expected);
});
