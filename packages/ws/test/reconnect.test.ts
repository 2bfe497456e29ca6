/**
 * Fault tests: the server dies under load and comes back on the same port. Nothing hangs,
 * pending calls reject typed, and the client reconnects and restores its namespace/database,
 * authentication, variables, sessions and live queries.
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { ConnectionClosedError, ConnectionError, ConnectionLostError, NotAllowedError, RecordId, TimeoutError, type Uuid } from '@sdb/protocol';
import { connect, type ClientEvents, type ConnectOptions, type LiveMessage, type RequestDiagnostic, type WsClient } from '../src/index.ts';
import { ROOT, RestartableServer, StallingProxy } from './fault-support.ts';
import { accountAccess } from './record-access.ts';
import { sleep, uniqueScope, until } from './support.ts';

let server: RestartableServer;
let clients: WsClient[] = [];

// One server for the file, stopped and started by the tests: every engine shutdown is a chance
// for the @surrealdb/node 3.0.3 shutdown panic (see fault-support.ts), so there are as few as the tests need.
beforeAll(async () => {
  server = new RestartableServer();
  await server.start();
});
afterEach(async () => {
  await Promise.all(clients.map((client) => client.close()));
  clients = [];
  if (!server.running) await server.start();
});
afterAll(() => server.dispose());

const fastReconnect: ConnectOptions['reconnect'] = { initialDelay: 50, maxDelay: 200 };

async function open(options: ConnectOptions = {}, url = server.url): Promise<WsClient> {
  const client = await connect(url, {
    ...uniqueScope('ws_fault'),
    auth: { username: ROOT.user, password: ROOT.pass },
    reconnect: fastReconnect,
    ...options,
  });
  clients.push(client);
  return client;
}

function nextEvent<K extends keyof ClientEvents>(client: WsClient, name: K, timeout = 10_000): Promise<ClientEvents[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} event within ${timeout} ms`)), timeout);
    const stop = client.on(name, (payload) => {
      clearTimeout(timer);
      stop();
      resolve(payload);
    });
  });
}

test('killed mid-load: every pending call settles typed, then the client reconnects and restores its state', async () => {
  // Through a proxy, so the load can be on the wire (sent, unanswered) at the moment the server
  // dies without the engine executing it: @surrealdb/node 3.0.3 can panic when freed mid-execute.
  const proxy = new StallingProxy(server.port);
  await proxy.listen();
  try {
    const db = await open({}, `ws://127.0.0.1:${proxy.port}`);
    await db.queryAll('DEFINE TABLE item SCHEMALESS');
    await db.let('greeting', 'hello');
    const [scope] = await db.queryAll<[[string, string]]>('RETURN [session::ns(), session::db()]');

    proxy.stall();
    const load = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? db.query('RETURN $i', { i }) : db.create(new RecordId('item', i), { i })));
    const settled = Promise.allSettled(load);
    await until(() => db.pending === 100, 5000, '100 calls in flight');
    const reconnected = nextEvent(db, 'connected');
    await server.stop();

    const outcomes = await settled;
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(ConnectionClosedError);
    }
    expect(db.pending).toBe(0);

    await server.start();
    expect(await reconnected).toMatchObject({ restored: true });
    expect(db.status).toBe('open');
    // Same namespace/database, the variable, and root authentication (the server refuses guests).
    expect(await db.queryAll('RETURN [session::ns(), session::db()]')).toEqual([scope]);
    expect(await db.queryAll('RETURN $greeting')).toEqual(['hello']);
    expect(await db.create(new RecordId('item', 'after'), { ok: true })).toEqual({ id: new RecordId('item', 'after'), ok: true });
  } finally {
    await proxy.close();
  }
});

test('a live query resumes after the restart: RESUMED under a new id, then new notifications', async () => {
  const db = await open();
  await db.queryAll('DEFINE TABLE feed SCHEMALESS');
  const subscription = await db.live('feed');
  const before = subscription.id;
  const messages: LiveMessage[] = [];
  subscription.on((message) => messages.push(message));
  await db.create(new RecordId('feed', 1), {});
  await until(() => messages.length === 1, 5000, 'first notification');

  const reconnected = nextEvent(db, 'connected');
  await server.stop();
  await server.start();
  await reconnected;

  await db.create(new RecordId('feed', 2), {});
  await until(() => messages.length === 3, 5000, 'resume and second notification');
  expect(messages.map((message) => message.action)).toEqual(['CREATE', 'RESUMED', 'CREATE']);
  expect(messages[1]).toMatchObject({ previousId: before, id: subscription.id });
  expect(subscription.id.equals(before)).toBe(false);
  expect(messages[2]?.record).toEqual(new RecordId('feed', 2));
});

test('sessions are attached again with their own state and live queries', async () => {
  const db = await open();
  const elsewhere = uniqueScope('ws_fault_session');
  const session = await db.session({ ...elsewhere, auth: { username: ROOT.user, password: ROOT.pass } });
  await session.let('who', 'session');
  await session.queryAll('DEFINE TABLE feed SCHEMALESS');
  const subscription = await session.live('feed');
  const messages: LiveMessage[] = [];
  subscription.on((message) => messages.push(message));

  const reconnected = nextEvent(db, 'connected');
  await server.stop();
  await server.start();
  await reconnected;

  expect(await session.queryAll('RETURN [session::ns(), session::db(), $who]')).toEqual([[elsewhere.namespace, elsewhere.database, 'session']]);
  expect((await db.sessions()).map((id) => id.toJSON())).toEqual([session.sessionId.toJSON()]);
  await session.create(new RecordId('feed', 'after'), {});
  await until(() => messages.length === 2, 5000, 'resume and notification in the session');
  expect(messages.map((message) => message.action)).toEqual(['RESUMED', 'CREATE']);
});

test('while disconnected, calls wait for the reconnect by default', async () => {
  const db = await open();
  const reconnected = nextEvent(db, 'connected');
  const disconnected = nextEvent(db, 'disconnected');
  await server.stop();
  await disconnected;
  const waiting = db.queryAll('RETURN "waited"');
  await sleep(100);
  await server.start();
  await reconnected;
  expect(await waiting).toEqual(['waited']);
});

test('while disconnected, a wait is bounded by waitTimeout', async () => {
  const db = await open({ waitTimeout: 100 });
  const disconnected = nextEvent(db, 'disconnected');
  await server.stop();
  await disconnected;
  const started = Date.now();
  await expect(db.ping()).rejects.toBeInstanceOf(TimeoutError);
  expect(Date.now() - started).toBeLessThan(1000);
});

test("whenDisconnected: 'fail' rejects calls at once with a ConnectionError", async () => {
  const db = await open({ whenDisconnected: 'fail' });
  const disconnected = nextEvent(db, 'disconnected');
  await server.stop();
  await disconnected;
  const error = await db.ping().catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ConnectionError);
});

test('reconnect: false closes for good: waiting is over, subscriptions end with the error', async () => {
  const db = await open({ reconnect: false });
  await db.queryAll('DEFINE TABLE feed SCHEMALESS');
  const subscription = await db.live('feed');
  const next = subscription[Symbol.asyncIterator]().next().catch((error: unknown) => error);
  const disconnected = nextEvent(db, 'disconnected');
  await server.stop();
  expect(await disconnected).toMatchObject({ willReconnect: false });
  expect(db.status).toBe('closed');
  expect(await next).toBeInstanceOf(ConnectionClosedError);
  const later = await db.ping().catch((error: unknown) => error);
  // The user closed nothing: the error says the connection was lost, not that the client is closed.
  expect(later).toBeInstanceOf(ConnectionLostError);
  expect((later as ConnectionLostError).message).toMatch(/^ping: the connection to ws:.* was lost \(.*\) and reconnecting is off$/);
});

test('reconnect attempts back off and give up after maxAttempts', async () => {
  const db = await open({ reconnect: { initialDelay: 20, maxDelay: 40, maxAttempts: 3 } });
  const delays: number[] = [];
  db.on('reconnecting', ({ delay }) => delays.push(delay));
  const disconnected = nextEvent(db, 'disconnected');
  await server.stop();
  await disconnected;
  const waiting = db.ping({ timeout: 5000 }).catch((error: unknown) => error);
  await until(() => db.status === 'closed', 5000, 'giving up');
  expect(await waiting).toBeInstanceOf(ConnectionError);
  expect(delays).toHaveLength(3);
  for (const delay of delays) expect(delay).toBeLessThanOrEqual(40);
});

test('after reconnecting gave up, calls say so (ConnectionLostError, with the attempts and the last connect error as cause)', async () => {
  const db = await open({ reconnect: { initialDelay: 20, maxDelay: 40, maxAttempts: 2 } });
  const disconnected = nextEvent(db, 'disconnected');
  await server.stop();
  await disconnected;
  await until(() => db.status === 'closed', 5000, 'giving up');
  const error = await db.ping().catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ConnectionLostError);
  expect(error).toMatchObject({ attempts: 2, message: `ping: reconnecting to ${db.url} gave up after 2 attempts` });
  expect((error as Error).cause).toBeInstanceOf(ConnectionError);
  expect(((error as Error).cause as Error).message).toMatch(/ECONNREFUSED/);
});

test('an auth callback is asked again on reconnect', async () => {
  let asked = 0;
  const db = await open({
    auth: () => {
      asked++;
      return { username: ROOT.user, password: ROOT.pass };
    },
  });
  const reconnected = nextEvent(db, 'connected');
  await server.stop();
  await server.start();
  await reconnected;
  expect(asked).toBe(2);
  expect(await db.queryAll('RETURN 1')).toEqual([1]);
});

test('a record user whose access token expired during the outage is restored with the refresh token', async () => {
  const scope = uniqueScope('ws_fault_refresh');
  const admin = await open(scope);
  await admin.queryAll(accountAccess({ refresh: true, tokenDuration: '1s' }));
  const diagnostics: RequestDiagnostic[] = [];
  const db = await connect(server.url, { reconnect: fastReconnect, diagnostics: (event) => diagnostics.push(event) });
  clients.push(db);
  await db.signup({ ...scope, access: 'account', variables: { email: 'r@example.com', pass: 'r-pass' } });
  const restored = new Promise<void>((resolve) => db.on('auth', ({ action }) => action === 'restored' && resolve()));

  await server.stop();
  await sleep(1200);
  await server.start();
  await restored;

  expect(await db.info()).toMatchObject({ email: 'r@example.com' });
  const restore = diagnostics.filter((event) => event.internal && event.method !== 'ping').map((event) => `${event.method}:${event.ok}`);
  expect(restore).toContain('refresh:true');
  expect(restore).not.toContain('authenticate:true');
});

test('events tell the story of a reconnect, in order', async () => {
  const db = await open();
  const story: string[] = [];
  db.on('disconnected', ({ willReconnect }) => story.push(`disconnected willReconnect=${willReconnect}`));
  db.on('reconnecting', ({ attempt }) => story.push(`reconnecting #${attempt}`));
  db.on('connecting', ({ attempt }) => story.push(`connecting #${attempt}`));
  db.on('auth', ({ action }) => story.push(`auth ${action}`));
  db.on('connected', ({ restored }) => story.push(`connected restored=${restored}`));
  const reconnected = nextEvent(db, 'connected');
  await server.stop();
  await until(() => story.includes('reconnecting #2'), 5000, 'a failed attempt');
  await server.start();
  await reconnected;
  const failedAttempts = story.filter((line) => line.startsWith('connecting')).length - 1;
  expect(story).toEqual([
    'disconnected willReconnect=true',
    ...Array.from({ length: failedAttempts }, (_, i) => [`reconnecting #${i + 1}`, `connecting #${i + 1}`]).flat(),
    `reconnecting #${failedAttempts + 1}`,
    `connecting #${failedAttempts + 1}`,
    'auth restored',
    `connected restored=true`,
  ]);
});

test('closing while reconnecting stops the attempts and rejects the waiting calls', async () => {
  const db = await open();
  const disconnected = nextEvent(db, 'disconnected');
  await server.stop();
  await disconnected;
  await nextEvent(db, 'reconnecting');
  const waiting = db.ping().catch((error: unknown) => error);
  let attemptsAfterClose = 0;
  await db.close();
  db.on('connecting', () => attemptsAfterClose++);
  expect(await waiting).toBeInstanceOf(ConnectionClosedError);
  await server.start();
  await sleep(400);
  expect(attemptsAfterClose).toBe(0);
  expect(db.status).toBe('closed');
});

test('a later explicit sign-in replaces the auth option: the reconnect restores that one', async () => {
  const scope = uniqueScope('ws_fault_resignin');
  const admin = await open(scope);
  await admin.queryAll(accountAccess());
  let asked = 0;
  const db = await open({
    ...scope,
    auth: () => {
      asked++;
      return { username: ROOT.user, password: ROOT.pass };
    },
  });
  await db.signup({ ...scope, access: 'account', variables: { email: 'x@example.com', pass: 'x-pass' } });

  const reconnected = nextEvent(db, 'connected');
  await server.stop();
  await server.start();
  await reconnected;
  expect(asked).toBe(1);
  expect(await db.info()).toMatchObject({ email: 'x@example.com' });
});

test('a client authenticated with a token re-authenticates with it on a new socket', async () => {
  const proxy = new StallingProxy(server.port);
  await proxy.listen();
  try {
    const admin = await open();
    const { access } = await admin.signin({ username: ROOT.user, password: ROOT.pass });
    const diagnostics: RequestDiagnostic[] = [];
    const db = await open({ auth: access, diagnostics: (event) => diagnostics.push(event), ping: { interval: 100 } }, `ws://127.0.0.1:${proxy.port}`);
    const reconnected = nextEvent(db, 'connected');
    proxy.stall();
    await reconnected;
    expect(await db.queryAll('RETURN 1')).toEqual([1]);
    expect(diagnostics.filter((event) => event.internal && event.method === 'authenticate').map((event) => event.ok)).toEqual([true, true]);
  } finally {
    await proxy.close();
  }
});

test('a token the restarted server no longer accepts: the auth event says so, and calls fail with NotAllowedError', async () => {
  const admin = await open();
  const { access } = await admin.signin({ username: ROOT.user, password: ROOT.pass });
  const db = await open({ auth: access });
  const failed = new Promise<void>((resolve) => db.on('auth', ({ action }) => action === 'failed' && resolve()));
  const reconnected = nextEvent(db, 'connected');
  await server.stop();
  await server.start();
  await failed;
  await reconnected;
  await expect(db.queryAll('RETURN 1')).rejects.toBeInstanceOf(NotAllowedError);
});

test('a subscription by id cannot be re-issued: a reconnect ends it with a ConnectionClosedError', async () => {
  const db = await open();
  await db.queryAll('DEFINE TABLE feed SCHEMALESS');
  const [id] = await db.queryAll<[Uuid]>('LIVE SELECT * FROM feed');
  const subscription = await db.subscribe(id);
  const next = subscription[Symbol.asyncIterator]().next().catch((error: unknown) => error);
  const reconnected = nextEvent(db, 'connected');
  await server.stop();
  await server.start();
  await reconnected;
  expect(await next).toBeInstanceOf(ConnectionClosedError);
  expect(subscription.closed).toBe(true);
});

test('killing a subscription while disconnected settles at once, and it is not re-issued', async () => {
  const diagnostics: RequestDiagnostic[] = [];
  const db = await open({ diagnostics: (event) => diagnostics.push(event) });
  await db.queryAll('DEFINE TABLE feed SCHEMALESS');
  const subscription = await db.live('feed');
  const disconnected = nextEvent(db, 'disconnected');
  await server.stop();
  await disconnected;
  await subscription.kill();
  expect(subscription.closed).toBe(true);
  const reconnected = nextEvent(db, 'connected');
  await server.start();
  await reconnected;
  expect(diagnostics.filter((event) => event.method === 'live').map((event) => event.internal)).toEqual([false]);
  expect(diagnostics.some((event) => event.method === 'kill')).toBe(false);
});
