/**
 * Requests on one socket: multiplexing, exact reply matching, per-call timeout and abort, and
 * that every promise settles when the client closes.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ConnectionClosedError, RequestAbortedError, TimeoutError, decode, encode } from '@sdb/protocol';
import { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { connect, type RequestDiagnostic, type WsClient } from '../src/index.ts';
import { connectRoot, surrealdb } from './support.ts';

let db: WsClient;
beforeAll(async () => {
  ({ db } = await connectRoot());
});
afterAll(() => db.close());

test('200 concurrent calls each get their own reply', async () => {
  const replies = await Promise.all(Array.from({ length: 200 }, (_, i) => db.queryAll<[number]>('RETURN $i', { i })));
  expect(replies.map(([value]) => value)).toEqual(Array.from({ length: 200 }, (_, i) => i));
});

test('a call past its timeout rejects with TimeoutError; the late reply is ignored and the socket keeps working', async () => {
  const started = Date.now();
  await expect(db.query('SLEEP 300ms', undefined, { timeout: 50 })).rejects.toBeInstanceOf(TimeoutError);
  expect(Date.now() - started).toBeLessThan(250);
  // Let the late reply arrive; then the socket still answers the right calls.
  await new Promise((resolve) => setTimeout(resolve, 350));
  expect(await db.queryAll('RETURN "after"')).toEqual(['after']);
  expect(db.pending).toBe(0);
});

test('a per-call timeout of 0 is refused with an InvalidOptionError (Infinity means none); nothing is sent', async () => {
  await expect(db.query('RETURN 1', undefined, { timeout: 0 })).rejects.toMatchObject({ name: 'InvalidOptionError', option: 'timeout', message: expect.stringMatching(/^query: timeout must be/) });
  expect(db.pending).toBe(0);
  expect(await db.queryAll('RETURN 1', undefined, { timeout: Infinity })).toEqual([1]);
});

test('aborting a call rejects it with an AbortError-named RequestAbortedError', async () => {
  const controller = new AbortController();
  const call = db.query('SLEEP 300ms', undefined, { signal: controller.signal });
  controller.abort(new Error('user navigated away'));
  const error = await call.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(RequestAbortedError);
  expect((error as Error).name).toBe('AbortError');
});

test('a call with an already aborted signal rejects without being sent', async () => {
  const diagnostics: RequestDiagnostic[] = [];
  const { user, pass } = surrealdb();
  const client = await connect(surrealdb().url, { auth: { username: user, password: pass }, diagnostics: (event) => diagnostics.push(event) });
  try {
    await expect(client.ping({ signal: AbortSignal.abort() })).rejects.toBeInstanceOf(RequestAbortedError);
    expect(diagnostics.filter((event) => !event.internal && event.method === 'ping')).toMatchObject([{ ok: false, error: 'AbortError' }]);
  } finally {
    await client.close();
  }
});

test('closing rejects every pending call with ConnectionClosedError, and later calls too', async () => {
  const { db: client } = await connectRoot();
  const pending = [client.query('SLEEP 1s'), client.query('SLEEP 1s'), client.ping()];
  await client.close();
  const outcomes = await Promise.allSettled(pending);
  for (const outcome of outcomes) {
    expect(outcome.status).toBe('rejected');
    expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(ConnectionClosedError);
  }
  await expect(client.ping()).rejects.toBeInstanceOf(ConnectionClosedError);
  expect(client.status).toBe('closed');
});

test('the diagnostics hook sees every request with its duration, and never a secret', async () => {
  const events: RequestDiagnostic[] = [];
  const { user, pass } = surrealdb();
  const client = await connect(surrealdb().url, { auth: { username: user, password: pass }, diagnostics: (event) => events.push(event) });
  try {
    await client.signin({ username: user, password: pass });
    await client.ping();
    await client.query('THROW "nope"').catch(() => undefined);
    await client.signin({ username: user, password: 'wrong-password-123' }).catch(() => undefined);
  } finally {
    await client.close();
  }
  expect(events.map((event) => [event.method, event.ok, event.internal])).toEqual([
    ['signin', true, true],
    ['signin', true, false],
    ['ping', true, false],
    ['query', true, false],
    ['signin', false, false],
  ]);
  expect(events[4]?.error).toBe('NotAllowedError');
  expect(events[3]?.params).toEqual(['THROW "nope"']);
  expect(events[1]?.params).toEqual([{ user, pass: '***' }]);
  for (const event of events) expect(event.duration).toBeGreaterThanOrEqual(0);
  const seen = JSON.stringify(events);
  expect(seen).not.toContain('wrong-password-123');
});

test('a wrong password is a NotAllowedError whose message does not repeat the password', async () => {
  const error = await connect(surrealdb().url, { auth: { username: 'root', password: 'hunter2-wrong' } }).catch((caught: unknown) => caught);
  expect((error as Error).name).toBe('NotAllowedError');
  expect(String((error as Error).message)).not.toContain('hunter2-wrong');
  expect(String((error as Error).stack)).not.toContain('hunter2-wrong');
});

test('events: connecting and connected on connect, disconnected on close', async () => {
  const seen: string[] = [];
  const { user, pass } = surrealdb();
  const client = await connect(surrealdb().url, { auth: { username: user, password: pass } });
  client.on('disconnected', ({ willReconnect }) => seen.push(`disconnected:${willReconnect}`));
  await client.close();
  expect(seen).toEqual(['disconnected:false']);
});

test('replies for unknown ids and undecodable frames are ignored; the right reply still lands', async () => {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1', handleProtocols: () => 'cbor' });
  server.on('connection', (socket) => {
    socket.on('message', (data: Buffer) => {
      const request = decode(new Uint8Array(data)) as { id: number; method: string };
      socket.send(encode({ id: 987_654, result: 'stray' }));
      socket.send(encode({ id: 'not-a-number', result: 'stray' }));
      socket.send(new Uint8Array([0xff, 0xfe]));
      socket.send('a text frame');
      socket.send(encode({ id: request.id, result: `reply to ${request.method}` }));
    });
  });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const errors: Error[] = [];
  const client = await connect(`ws://127.0.0.1:${port}`, { ping: false });
  client.on('error', ({ error }) => errors.push(error));
  try {
    expect(await client.version()).toBe('reply to version');
    expect(errors.map((error) => error.name)).toEqual(['CborError', 'ProtocolError']);
  } finally {
    await client.close();
    await new Promise((resolve) => server.close(resolve));
  }
});

test('mixed timeouts each fire on time, whatever order the calls were made in', async () => {
  const started = Date.now();
  const elapsed = (promise: Promise<unknown>) => promise.then(
    () => -1,
    (error: unknown) => (error instanceof TimeoutError ? Date.now() - started : -2),
  );
  const [long, short, middle] = await Promise.all([
    elapsed(db.query('SLEEP 1s', undefined, { timeout: 400 })),
    elapsed(db.query('SLEEP 1s', undefined, { timeout: 50 })),
    elapsed(db.query('SLEEP 1s', undefined, { timeout: 200 })),
  ]);
  // Each fired at its own deadline (with slack for a busy machine), not at another call's.
  expect(short).toBeGreaterThanOrEqual(45);
  expect(short).toBeLessThan(190);
  expect(middle).toBeGreaterThanOrEqual(195);
  expect(middle).toBeLessThan(390);
  expect(long).toBeGreaterThanOrEqual(395);
  expect(long).toBeLessThan(900);
});
