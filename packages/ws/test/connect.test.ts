/**
 * Opening the connection: accepted addresses, and failures that reject typed and in bounded time.
 */
import { createServer, type Socket } from 'node:net';
import { expect, test } from 'vitest';
import { ConnectionError } from '@sdb/protocol';
import { connect } from '../src/index.ts';
import { surrealdb } from './support.ts';
import { rejection } from '../../protocol/test-support/rejection.ts';

const root = () => ({ username: surrealdb().user, password: surrealdb().pass });

test.each([
  ['the /rpc endpoint', (url: string) => url],
  ['the base address, without /rpc', (url: string) => url.replace(/\/rpc$/, '')],
  ['an http:// address', (url: string) => url.replace(/^ws:/, 'http:').replace(/\/rpc$/, '')],
])('connects given %s', async (_, address) => {
  const db = await connect(address(surrealdb().url), { auth: root() });
  try {
    expect(db.url).toBe(surrealdb().url);
    expect(db.status).toBe('open');
    await db.ping();
  } finally {
    await db.close();
  }
});

/** A loopback port nobody listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('nobody listening: ConnectionError at once, saying the connection was refused, with the socket error as cause', async () => {
  const port = await closedPort();
  const started = Date.now();
  const error = await rejection(connect(`ws://127.0.0.1:${port}`));
  expect(Date.now() - started).toBeLessThan(2000);
  expect(error).toBeInstanceOf(ConnectionError);
  expect(error.message).toMatch(new RegExp(`Could not connect to ws://127\\.0\\.0\\.1:${port}/rpc: .*ECONNREFUSED`));
  expect((error.cause as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
});

test('a host name that does not resolve: ConnectionError saying so (ENOTFOUND), with the cause', async () => {
  const error = await rejection(connect('ws://sdb-test-no-such-host.invalid:8000'));
  expect(error).toBeInstanceOf(ConnectionError);
  expect(error.message).toMatch(/sdb-test-no-such-host\.invalid.*ENOTFOUND/);
  expect((error.cause as NodeJS.ErrnoException).code).toBe('ENOTFOUND');
});

test('a server that accepts TCP but never upgrades: ConnectionError after connectTimeout', async () => {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  try {
    const started = Date.now();
    const error = await connect(`ws://127.0.0.1:${port}`, { connectTimeout: 200 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/within 200 ms/);
    expect(Date.now() - started).toBeLessThan(1500);
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
});

test('a path that is not an RPC endpoint: ConnectionError naming the HTTP 404 the server answered', async () => {
  const base = surrealdb().url.replace(/\/rpc$/, '');
  const error = await rejection(connect(`${base}/elsewhere/`));
  expect(error).toBeInstanceOf(ConnectionError);
  expect(error.message).toMatch(/elsewhere.*: Unexpected server response: 404/);
  expect(error.cause).toBeInstanceOf(Error);
});
