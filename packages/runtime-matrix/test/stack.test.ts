/**
 * The whole browser-safe stack where users run it: `stack-smoke.ts` (ws, http, pool, stream,
 * functions, ql, orm and protocol together), bundled for the browser platform, runs in Bun,
 * Deno and headless Chromium through the transports' runner (`testEachRuntime`), and in an Edge
 * Runtime VM, against the server under test. Every runtime must answer the same outcome.
 */
import { fileURLToPath } from 'node:url';
import { EdgeVM } from '@edge-runtime/vm';
import { expect, test } from 'vitest';
import { browserScript } from '../../embedded/test-support/browser-bundle.ts';
import { surrealdb, uniqueScope } from '../../embedded/test-support/index.ts';
import { testEachRuntime } from '../../embedded/test-support/runtimes.ts';
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

testEachRuntime({
  entry,
  smoke: "export { smoke } from './sdb.mjs';\n",
  does: 'ws + http + pool clients, ORM live query, link lookup, edge relation, ql with functions, stream live query',
  input,
  expected,
});

test('edge: the same stack inside an Edge Runtime VM (no process, Buffer or require)', async () => {
  const vm = new EdgeVM();
  expect(vm.evaluate('[typeof process, typeof Buffer, typeof require]')).toEqual(['undefined', 'undefined', 'undefined']);
  vm.evaluate(await browserScript(entry, 'sdbStack'));
  const outcome = await vm.evaluate<Promise<string>>(`sdbStack.smoke(${JSON.stringify(input('edge'))}).then(JSON.stringify)`);
  expect(JSON.parse(outcome)).toEqual(expected);
});
