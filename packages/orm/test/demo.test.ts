/**
 * The README's demo (`pnpm demo` runs examples/demo.mjs): built from source with
 * @sdb/embedded's test-support bundler, so no prior build is needed, then run as a child process
 * the way a user runs it; it prints each step and exits 0.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForNode, type NodeBundle } from '../../embedded/test-support/node-bundle.ts';

let bundle: NodeBundle;

beforeAll(async () => {
  bundle = await bundleForNode({ demo: 'examples/demo.mjs' }, fileURLToPath(new URL('..', import.meta.url)));
}, 60_000);

afterAll(async () => {
  await bundle.remove();
});

describe('the README demo', () => {
  it('serves the engine, pushes the schema, creates, queries across the link, aggregates, gets the live notification and exits 0', async () => {
    // execFile rejects on a non-zero exit code, so resolving is the exit-0 check.
    const { stdout } = await promisify(execFile)(process.execPath, [bundle.file('demo')], { timeout: 60_000 });
    expect(stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^SurrealDB 3\.0\.2 \(embedded\) listening at ws:\/\/127\.0\.0\.1:\d+\/rpc$/),
      'schema pushed: company, person (person.company is record<company>)',
      'live query on person registered',
      'created companies: Acme (UK), Globex (US)',
      'created people: Ann, Bob, Cy',
      'adults at UK companies: [{"age":31,"name":"Ann"}]',
      'aggregate: {"people":3,"meanAge":31,"oldest":45}',
      'live notification: CREATE Ann',
      'closed',
    ]);
  }, 60_000);
});
