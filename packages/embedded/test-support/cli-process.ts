/**
 * @module The `sdb-embedded` command (built by `bundleForNode`) in a child process: started with
 * its arguments, resolved once it prints the address it listens on, stopped with a signal. Its
 * stderr goes nowhere: surrealdb-core 3.0.2 prints a `dbg!` dump for every write to a CHANGEFEED
 * table straight to stderr, and when that is a pipe whose reader lags (vitest under turbo), the
 * print fails with EAGAIN and the engine aborts the whole process.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface CliProcess {
  child: ChildProcess;
  /** The WebSocket RPC endpoint it printed, e.g. `ws://127.0.0.1:40123/rpc`. */
  url: string;
}

/** Runs `cliFile` with `args`; resolves once the server listens, rejects if it exits first. */
export function spawnCli(cliFile: string, args: readonly string[]): Promise<CliProcess> {
  const child = spawn(process.execPath, [cliFile, ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${output}`)));
  });
}

/** Sends `signal` and resolves once the process has exited (at once if it already has). */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
