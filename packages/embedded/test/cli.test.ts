/**
 * The `sdb-embedded` command as a user runs it: built from source with the package's own
 * bundler, started as a child process, it prints its URL, answers `/health`, and exits cleanly on
 * SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsdown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
let outDir: string;

beforeAll(async () => {
  // Inside the package, so the bundle finds `ws` and `@surrealdb/node` in its node_modules.
  outDir = await mkdtemp(join(packageDir, 'node_modules', '.cli-test-'));
  await build({
    config: false,
    cwd: packageDir,
    entry: { cli: 'src/cli.ts' },
    outDir,
    format: 'esm',
    platform: 'node',
    dts: false,
    logLevel: 'silent',
    clean: false,
    // Bundle @sdb/protocol from source so the test needs no prior build of it.
    noExternal: ['@sdb/protocol'],
    inputOptions: { resolve: { conditionNames: ['@sdb/source', 'import', 'node', 'default'] } },
  });
}, 60_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

/** Starts the CLI and resolves the URL it prints. */
function startCli(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [cliFile(), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
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

/** The built command (the bundler picks `.js` or `.mjs`). */
function cliFile(): string {
  const file = readdirSync(outDir).find((name) => /^cli\.m?js$/.test(name));
  if (!file) throw new Error(`the CLI was not built into ${outDir}`);
  return join(outDir, file);
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
    const child = spawn(process.execPath, [cliFile(), '--port', 'eighty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exited(child)).toBe(1);
    expect(stderr).toContain('--port must be a port number');
    expect(stderr).toContain('Usage: sdb-embedded');
  });
});
