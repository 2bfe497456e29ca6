/**
 * @module The `sdb-embedded` server in a child process, on SurrealKV in a temp directory and a
 * fixed port, that can be killed with SIGKILL mid-load and started again on the same port and
 * data (the command is built from source first, by @sdb/embedded's test-support `bundleForNode`).
 * Its stderr goes nowhere: the 3.0.2 engine prints a debug dump for each write to a CHANGEFEED
 * table, which can abort a process whose stderr pipe lags (see @sdb/stream's server-process.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleForNode, type NodeBundle } from '../../../embedded/test-support/node-bundle.ts';

export class KillableServer {
  readonly user = 'root';
  readonly pass = 'reliability-kill-root';
  readonly #dir = mkdtempSync(join(tmpdir(), 'sdb-reliability-'));
  #cli: NodeBundle | undefined;
  #child: ChildProcess | undefined;
  port = 0;
  kills = 0;

  get url(): string {
    return `ws://127.0.0.1:${this.port}/rpc`;
  }

  async start(): Promise<void> {
    this.#cli ??= await bundleForNode({ cli: 'src/cli.ts' });
    const args = [this.#cli.file('cli'), '--port', String(this.port), '--path', this.#dir, '--user', this.user, '--pass', this.pass];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    this.#child = child;
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (ws:\/\/\S+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${output}`)));
    });
    this.port = Number(new URL(url).port);
  }

  /** SIGKILL: no shutdown, no flush beyond what the engine had written when it acknowledged. */
  async kill(): Promise<void> {
    const child = this.#child;
    this.#child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.kills++;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  async dispose(): Promise<void> {
    await this.kill();
    await this.#cli?.remove();
    rmSync(this.#dir, { recursive: true, force: true });
  }
}
