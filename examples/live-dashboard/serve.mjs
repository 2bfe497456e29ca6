/**
 * @module Serves the built page on loopback: `index.html`, `dashboard.js` and `config.json`, the
 * connection settings the page reads. `node serve.mjs` serves `dist/` on port 5173 for the
 * SurrealDB at `SURREAL_URL` (default ws://127.0.0.1:8000) as root/root, namespace and database `app`.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FILES = { '/': 'index.html', '/index.html': 'index.html', '/dashboard.js': 'dashboard.js' };

/**
 * Serves `dir` (a built page) and `config` (a `DashboardConfig`) on 127.0.0.1:`port` (0: any free port).
 * @param {{ dir: string; config: import('./src/dashboard.ts').DashboardConfig; port?: number }} options
 * @returns {Promise<{ url: string; close(): Promise<void> }>}
 */
export async function serveDashboard({ dir, config, port = 0 }) {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/config.json') return response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(config));
    const file = FILES[/** @type {keyof typeof FILES} */ (path)];
    if (file === undefined) return response.writeHead(404).end();
    const type = file.endsWith('.js') ? 'text/javascript' : 'text/html';
    response.writeHead(200, { 'content-type': type }).end(readFileSync(join(dir, file)));
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const config = { url: process.env.SURREAL_URL ?? 'ws://127.0.0.1:8000', namespace: 'app', database: 'app', username: 'root', password: 'root' };
  const { url } = await serveDashboard({ dir: fileURLToPath(new URL('dist', import.meta.url)), config, port: 5173 });
  console.log(`dashboard on ${url}`);
}
