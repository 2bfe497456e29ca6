/**
 * @module The benchmark's server, in its own process so that the client process's CPU time
 * counts the clients only: starts one embedded SurrealDB server (root/root) on a free loopback
 * port, prints its HTTP base URL as one JSON line, answers each `cpu` line on stdin with its
 * own CPU time so far (`{ cpuUs }`, user + system), and stops when its parent closes stdin.
 */
import { createInterface } from 'node:readline';
import { startServer } from '@sdb/embedded';

const server = await startServer({ auth: { username: 'root', password: 'root' } });
process.stdout.write(`${JSON.stringify({ url: server.httpUrl })}\n`);
const commands = createInterface({ input: process.stdin });
commands.on('line', (line) => {
  if (line.trim() !== 'cpu') return;
  const { user, system } = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ cpuUs: user + system })}\n`);
});
commands.on('close', async () => {
  await server.close();
  process.exit(0);
});
