/**
 * The `sdb-embedded` command as a user runs it: built from source with the package's own
 * bundler, started as a child process, it prints its URL, answers `/health`, and exits cleanly on
 * SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForNode, type NodeBundle } from '../test-support/node-bundle.ts';

let bundle: NodeBundle;

beforeAll(async () => {
  bundle = await bundleForNode({ cli: 'src/cli.ts' });
}, 60_000);

afterAll(async () => {
  await bundle.remove();
});

/** Starts the CLI and resolves the URL it prints. */
function startCli(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [bundle.file('cli'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve({ child, url: match[1] });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`sdb-embedded exited with ${code}: ${output}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('sdb-embedded', () => {
  it('prints its URL, answers /health and stops on SIGTERM', async () => {
    const { child, url } = await startCli(['--port', '0', '--user', 'root', '--pass', 'root']);
    const httpUrl = url.replace(/^ws/, 'http').replace(/\/rpc$/, '');
    expect((await fetch(`${httpUrl}/health`)).status).toBe(200);

    const exit = exited(child);
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });

  it('refuses a bad port with a usage message and exit code 1', async () => {
    const child = spawn(process.execPath, [bundle.file('cli'), '--port', 'eighty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exited(child)).toBe(1);
    expect(stderr).toContain('--port must be a port number');
    expect(stderr).toContain('Usage: sdb-embedded');
  });
});
