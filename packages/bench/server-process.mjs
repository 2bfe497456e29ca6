/**
 * @module The benchmark's server, in its own process so that the client process's CPU time
 * counts the clients only: starts one embedded SurrealDB server (root/root) on a free loopback
 * port, prints its HTTP base URL as one JSON line, and stops when its parent closes stdin.
 */
import { startServer } from '@sdb/embedded';

const server = await startServer({ auth: { username: 'root', password: 'root' } });
process.stdout.write(`${JSON.stringify({ url: server.httpUrl })}\n`);
process.stdin.resume();
process.stdin.on('end', async () => {
  await server.close();
  process.exit(0);
});
