/**
 * @module A script for exit-after-close.test.ts, run as its own Node process: it defines a table
 * and an index (over the server's WebSocket, or straight through the embedded transport), closes
 * everything, prints `closed` and then just returns, so the process exits only if nothing of the
 * engine is left running.
 */
import { createEmbeddedTransport } from '../src/transport.ts';
import { startServer } from '../src/server.ts';
import { RawSocket } from './raw-socket.ts';

const SCHEMA = 'DEFINE TABLE person; DEFINE INDEX person_name ON person FIELDS name';

async function throughServer(): Promise<void> {
  const server = await startServer();
  const socket = await RawSocket.open(server.url);
  await socket.result('use', ['close', 'exit']);
  await socket.result('query', [SCHEMA]);
  await socket.close();
  await server.close();
}

async function throughTransport(): Promise<void> {
  const transport = await createEmbeddedTransport('mem://');
  await transport.call('use', ['close', 'exit']);
  await transport.call('query', [SCHEMA]);
  await transport.close();
}

await (process.argv[2] === 'transport' ? throughTransport() : throughServer());
process.stdout.write('closed\n');
