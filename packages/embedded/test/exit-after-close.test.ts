/**
 * Closing settles and leaves nothing running: once a server or an embedded transport is closed,
 * a Node process that defined an index (the case that used to keep it alive for good, as the
 * engine's index builder holds on to the notification stream) exits on its own, promptly.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForNode, type NodeBundle } from '../test-support/node-bundle.ts';

/** How long a closed process may take to exit by itself. */
const EXIT_WITHIN_MS = 2000;

let bundle: NodeBundle;

beforeAll(async () => {
  bundle = await bundleForNode({ 'close-then-exit': 'test/close-then-exit.ts' });
}, 60_000);

afterAll(async () => {
  await bundle.remove();
});

/** Runs the script; resolves its exit code and how long it lived after printing `closed`. */
function runToExit(mode: 'server' | 'transport'): Promise<{ code: number | null; afterClose: number }> {
  const child = spawn(process.execPath, [bundle.file('close-then-exit'), mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    let closedAt: number | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (closedAt === undefined && output.includes('closed')) closedAt = Date.now();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), EXIT_WITHIN_MS + 8000);
    child.once('exit', (code) => {
      clearTimeout(killer);
      if (closedAt === undefined) reject(new Error(`the script never closed (exit ${code}): ${output}`));
      else resolve({ code, afterClose: Date.now() - closedAt });
    });
  });
}

describe('after close, with an index defined', () => {
  it('a process that ran a server exits by itself', async () => {
    const { code, afterClose } = await runToExit('server');
    expect(code).toBe(0);
    expect(afterClose).toBeLessThan(EXIT_WITHIN_MS);
  }, 20_000);

  it('a process that used an embedded transport exits by itself', async () => {
    const { code, afterClose } = await runToExit('transport');
    expect(code).toBe(0);
    expect(afterClose).toBeLessThan(EXIT_WITHIN_MS);
  }, 20_000);
});
