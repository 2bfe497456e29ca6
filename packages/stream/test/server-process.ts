/**
 * @module A SurrealDB server in a child process whose stderr goes nowhere, for the change-feed
 * tests. surrealdb-core 3.0.2 prints a `dbg!` dump for every write to a CHANGEFEED table straight
 * to its process's stderr; when that is a pipe whose reader lags (vitest under turbo), the print
 * fails with EAGAIN and the engine aborts the whole process — here the child, not the test run.
 * The `sdb-embedded` command is built from source first (@sdb/embedded's test-support `bundleForNode`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { bundleForNode } from '../../embedded/test-support/node-bundle.ts';

export interface ServerProcess {
  url: string;
  httpUrl: string;
  user: string;
  pass: string;
  stop(): Promise<void>;
}

export async function startServerProcess(): Promise<ServerProcess> {
  const cli = await bundleForNode({ cli: 'src/cli.ts' });
  const user = 'root';
  const pass = 'stream-feed-root';
  const child = spawn(process.execPath, [cli.file('cli'), '--port', '0', '--user', user, '--pass', pass], { stdio: ['ignore', 'pipe', 'ignore'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${output}`)));
  });
  return {
    url,
    httpUrl: url.replace(/^ws/, 'http').replace(/\/rpc$/, ''),
    user,
    pass,
    stop: async () => {
      await stopChild(child);
      await cli.remove();
    },
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
