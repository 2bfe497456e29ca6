/**
 * Liveness: a proxy that stops forwarding bytes (a half-open connection: no FIN, no RST, TCP
 * still "up") is detected by the missing pong and the socket replaced within two ping intervals.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { ConnectionClosedError } from '@sdb/protocol';
import { connect, type WsClient } from '../src/index.ts';
import { ROOT, RestartableServer, StallingProxy } from './fault-support.ts';
import { uniqueScope } from './support.ts';

let server: RestartableServer;
let proxy: StallingProxy;
let db: WsClient | undefined;

beforeAll(async () => {
  server = new RestartableServer();
  await server.start();
});
beforeEach(async () => {
  proxy = new StallingProxy(server.port);
  await proxy.listen();
});
afterEach(async () => {
  await db?.close();
  await proxy.close();
});
afterAll(() => server.dispose());

const INTERVAL = 300;

test('a stalled connection is declared dead within two intervals and replaced; the pending call rejects typed', async () => {
  db = await connect(`ws://127.0.0.1:${proxy.port}`, {
    ...uniqueScope('ws_half_open'),
    auth: { username: ROOT.user, password: ROOT.pass },
    ping: { interval: INTERVAL, timeout: INTERVAL / 2 },
    reconnect: { initialDelay: 10, maxDelay: 50 },
  });
  await db.let('kept', 'yes');
  const events: string[] = [];
  db.on('disconnected', () => events.push('disconnected'));
  db.on('connected', ({ restored }) => events.push(`connected:${restored}`));

  proxy.stall();
  const stalledAt = Date.now();
  // Sent into the void: without liveness it would wait for its own 30 s timeout.
  const pending = db.query('RETURN 1').catch((error: unknown) => error);

  const error = await pending;
  const detectedAfter = Date.now() - stalledAt;
  expect(error).toBeInstanceOf(ConnectionClosedError);
  // Two intervals, plus scheduling slack on a busy machine.
  expect(detectedAfter).toBeLessThanOrEqual(2 * INTERVAL + 250);

  // The replacement socket (a new TCP connection through the proxy forwards again) has the session back.
  expect(await db.queryAll('RETURN $kept')).toEqual(['yes']);
  expect(events).toEqual(['disconnected', 'connected:true']);
});

test('without pings a stalled call still settles, by its own timeout', async () => {
  db = await connect(`ws://127.0.0.1:${proxy.port}`, {
    ...uniqueScope('ws_half_open'),
    auth: { username: ROOT.user, password: ROOT.pass },
    ping: false,
  });
  proxy.stall();
  await expect(db.ping({ timeout: 200 })).rejects.toThrow(/timed out/);
});
