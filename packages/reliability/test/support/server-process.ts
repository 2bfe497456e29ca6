/**
 * @module The `sdb-embedded` server in a child process, on SurrealKV in a temp directory and a
 * fixed port, that can be killed with SIGKILL mid-load and started again on the same port and
 * data (the command is built from source first, by @sdb/embedded's test-support `bundleForNode`).
 * Its stderr goes nowhere (see @sdb/embedded's test-support cli-process.ts: the 3.0.2 engine's
 * CHANGEFEED debug dump can abort a process whose stderr pipe lags).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnCli, stopChild } from '../../../embedded/test-support/cli-process.ts';
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
    const { child, url } = await spawnCli(this.#cli.file('cli'), ['--port', String(this.port), '--path', this.#dir, '--user', this.user, '--pass', this.pass]);
    this.#child = child;
    this.port = Number(new URL(url).port);
  }

  /** SIGKILL: no shutdown, no flush beyond what the engine had written when it acknowledged. */
  async kill(): Promise<void> {
    const child = this.#child;
    this.#child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.kills++;
    await stopChild(child, 'SIGKILL');
  }

  async dispose(): Promise<void> {
    await this.kill();
    await this.#cli?.remove();
    rmSync(this.#dir, { recursive: true, force: true });
  }
}
