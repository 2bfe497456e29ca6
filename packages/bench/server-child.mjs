/**
 * @module Starting the benchmark's server (`server-process.mjs`) as a child process, and a
 * deadline for any step of a run, shared by `run.mjs` and `pool.mjs`.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/** Starts one embedded server in a child process; resolves its HTTP base URL, its CPU time and `stop()`. */
export async function startServerProcess() {
  const child = spawn(process.execPath, [new URL('./server-process.mjs', import.meta.url).pathname], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const [line] = await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`the server process exited with code ${code} before it was ready`);
    }),
  ]);
  const { url } = JSON.parse(line);
  return {
    url,
    /** The server process's CPU time so far, in µs (user + system). */
    cpuUs: async () => {
      child.stdin.write('cpu\n');
      const [answer] = await once(lines, 'line');
      return JSON.parse(answer).cpuUs;
    },
    stop: async () => {
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await once(child, 'exit').catch(() => undefined);
      clearTimeout(timer);
    },
  };
}

/** `promise`, or a rejection naming `what` after `ms`. */
export function withDeadline(promise, ms, what) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}
