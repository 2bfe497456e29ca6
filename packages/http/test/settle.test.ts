/**
 * Every call settles: a timeout, an abort signal or `close()` rejects it with a typed error,
 * including against a server that accepts connections and never answers.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { ConnectionClosedError, RequestAbortedError, TimeoutError } from '@sdb/protocol';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, HttpTransport, type HttpClient } from '@sdb/http';
import { rootClient, surrealdb } from './support.ts';

let db: HttpClient;

beforeEach(async () => {
  ({ db } = await rootClient());
});

afterEach(async () => {
  await db.close();
});

describe('against the real server', () => {
  it('a call slower than its timeout rejects with TimeoutError', async () => {
    const started = Date.now();
    await expect(db.query('SLEEP 2s', undefined, { timeout: 100 })).rejects.toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('the connection-wide timeout applies when the call gives none', async () => {
    // Authenticated with a token (a quick check), not a password whose hashing may itself take 100 ms on a busy machine.
    const { access } = await db.signin({ username: surrealdb().user, password: surrealdb().pass });
    const impatient = await connect(surrealdb().httpUrl, { namespace: db.transport.namespace, database: db.transport.database, auth: access, timeout: 100 });
    try {
      await expect(impatient.query('SLEEP 2s')).rejects.toBeInstanceOf(TimeoutError);
    } finally {
      await impatient.close();
    }
  });

  it('aborting the signal rejects the call with RequestAbortedError (named AbortError)', async () => {
    const controller = new AbortController();
    const pending = db.query('SLEEP 2s', undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toBeInstanceOf(RequestAbortedError);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('an already-aborted signal rejects before anything is sent', async () => {
    await expect(db.ping({ signal: AbortSignal.abort() })).rejects.toBeInstanceOf(RequestAbortedError);
  });

  it('close() rejects calls in flight, and later calls, with ConnectionClosedError', async () => {
    const pending = db.query('SLEEP 2s');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await db.close();
    await expect(pending).rejects.toBeInstanceOf(ConnectionClosedError);
    await expect(db.query('RETURN 1')).rejects.toBeInstanceOf(ConnectionClosedError);
  });
});

describe('against a server that never answers', () => {
  let silent: Server;
  let url: string;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('connect rejects with TimeoutError within its timeout', async () => {
    await expect(connect(url, { timeout: 200 })).rejects.toBeInstanceOf(TimeoutError);
  });

  it('64 concurrent calls all reject with TimeoutError; none hangs', async () => {
    const transport = new HttpTransport(url, { timeout: 200 });
    const settled = await Promise.allSettled(Array.from({ length: 64 }, () => transport.call('ping', [])));
    expect(settled.every((result) => result.status === 'rejected' && result.reason instanceof TimeoutError)).toBe(true);
    await transport.close();
  });
});
