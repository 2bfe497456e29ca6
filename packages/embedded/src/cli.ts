#!/usr/bin/env node
/**
 * @module The `sdb-embedded` command: runs the embedded SurrealDB server for local work.
 * `sdb-embedded --port 8000 [--host 127.0.0.1] [--path ./data] [--user root --pass root]`
 */
import { parseArgs } from 'node:util';
import { startServer, type ServerOptions } from './server.ts';

const USAGE = `Usage: sdb-embedded [--port 8000] [--host 127.0.0.1] [--path dir] [--user name --pass secret]

  --port   port to listen on (0 picks a free one; default 8000)
  --host   interface to listen on (default 127.0.0.1)
  --path   keep data in a SurrealKV directory instead of memory
  --user   root user name to define (clients must then sign in)
  --pass   root password
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8000' },
      host: { type: 'string', default: '127.0.0.1' },
      path: { type: 'string' },
      user: { type: 'string' },
      pass: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError(`--port must be a port number, got ${values.port}`);
  const options: ServerOptions = { host: values.host, port, url: values.path ? `surrealkv://${values.path}` : 'mem://' };
  if ((values.user === undefined) !== (values.pass === undefined)) throw new TypeError('--user and --pass go together');
  if (values.user !== undefined && values.pass !== undefined) options.auth = { username: values.user, password: values.pass };

  const server = await startServer(options);
  process.stdout.write(`sdb-embedded listening on ${server.url} (HTTP ${server.httpUrl}, ${values.path ? `surrealkv://${values.path}` : 'in memory'})\n`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`sdb-embedded: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(1);
});
