/**
 * Live queries across a server restart: an embedded server of this file's own, on SurrealKV so
 * the data survives, stopped and started again on the same port; the @sdb/ws client reconnects
 * and registers the live query again.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { RecordId } from '@sdb/protocol';
import { connect, type WsClient } from '@sdb/ws';
import { ROOT, RestartableServer } from '../../ws/test/fault-support.ts';
import { uniqueScope } from '../../embedded/test-support/index.ts';
import { live, watch } from '../src/index.ts';
import { take } from './support.ts';

let server: RestartableServer;
const clients: WsClient[] = [];

// Few restarts on purpose: @surrealdb/node 3.0.3 can panic while an engine shuts down (see fault-support.ts).
beforeAll(async () => {
  server = new RestartableServer();
  await server.start();
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await server.dispose();
});

async function open(scope: { namespace: string; database: string }, initialDelay: number): Promise<WsClient> {
  const db = await connect(server.url, { ...scope, auth: { username: ROOT.user, password: ROOT.pass }, reconnect: { initialDelay, maxDelay: initialDelay * 2, jitter: 0 } });
  clients.push(db);
  return db;
}

function reconnected(db: WsClient): Promise<unknown> {
  return new Promise((resolve) => {
    const stop = db.on('connected', (payload) => {
      stop();
      resolve(payload);
    });
  });
}

/**
 * Restarts the server and, while `db` (slow to reconnect) is still away, runs `sql` through a
 * second client; resolves once `db` is connected again, with that second client for later writes.
 */
async function writeWhileDisconnected(db: WsClient, scope: { namespace: string; database: string }, sql: string): Promise<WsClient> {
  const back = reconnected(db);
  await server.stop();
  await server.start();
  const writer = await open(scope, 50);
  await writer.queryAll(sql);
  expect(db.status).not.toBe('open');
  await back;
  return writer;
}

test('live(): after the restart, RESYNC, then the changes made on the new registration', async () => {
  const scope = uniqueScope('stream_restart_live');
  const db = await open(scope, 50);
  await db.queryAll('DEFINE TABLE feed');
  const events = await live(db, 'feed');
  await db.queryAll('CREATE feed:1');
  expect((await take(events, 1))[0]).toMatchObject({ action: 'CREATE', id: new RecordId('feed', 1) });

  const back = reconnected(db);
  await server.stop();
  await server.start();
  await back;
  await db.queryAll('CREATE feed:2');
  const [marker, created] = await take(events, 2);
  expect(marker).toEqual({ action: 'RESYNC' });
  expect(created).toMatchObject({ action: 'CREATE', id: new RecordId('feed', 2) });
  await events.kill();
});

test("live() with resync: 'reread': after the restart, RESYNC, then only what changed while it was disconnected", async () => {
  const scope = uniqueScope('stream_restart_reread');
  // Slow to reconnect, so that another client can write before the live query is registered again.
  const db = await open(scope, 1_500);
  await db.queryAll('DEFINE TABLE feed; CREATE feed:1 SET v = 1; CREATE feed:2 SET v = 1');
  const events = await live<{ id: RecordId; v: number }>(db, 'feed', { resync: 'reread' });
  // Seen live before the restart: feed:3 created, feed:2 updated.
  await db.queryAll('CREATE feed:3 SET v = 1');
  await db.queryAll('UPDATE feed:2 SET v = 2');
  expect((await take(events, 2)).map((event) => event.action).sort()).toEqual(['CREATE', 'UPDATE']);

  // No live query sees these: feed:1 was never in an event (it is known from live's first read).
  const writer = await writeWhileDisconnected(db, scope, 'DELETE feed:1; UPDATE feed:3 SET v = 2; CREATE feed:4 SET v = 1');
  const [marker, ...changes] = await take(events, 4);
  expect(marker).toEqual({ action: 'RESYNC' });
  expect(changes).toEqual(
    expect.arrayContaining([
      { action: 'DELETE', id: new RecordId('feed', 1), record: { id: new RecordId('feed', 1), v: 1 } },
      { action: 'UPDATE', id: new RecordId('feed', 3), record: { id: new RecordId('feed', 3), v: 2 } },
      { action: 'CREATE', id: new RecordId('feed', 4), record: { id: new RecordId('feed', 4), v: 1 } },
    ]),
  );
  // feed:2 did not change while disconnected: nothing about it. The next event is a live one.
  await writer.queryAll('UPDATE feed:4 SET v = 9');
  expect(await take(events, 1)).toEqual([{ action: 'UPDATE', id: new RecordId('feed', 4), record: { id: new RecordId('feed', 4), v: 9 } }]);
  await events.kill();
});

test('watch(): after the restart, the records are read again and what changed meanwhile is yielded', async () => {
  const scope = uniqueScope('stream_restart_watch');
  // Slow to reconnect, so that another client can write before the live query is registered again.
  const db = await open(scope, 1_500);
  await db.queryAll('DEFINE TABLE feed; CREATE feed:1 SET v = 1; CREATE feed:2 SET v = 1');
  const events = await watch<{ id: RecordId; v: number }>(db, 'feed');
  expect((await take(events, 3)).map((event) => event.action)).toEqual(['SNAPSHOT', 'SNAPSHOT', 'READY']);

  // No live query sees these: the watcher is still disconnected.
  const writer = await writeWhileDisconnected(db, scope, 'DELETE feed:1; UPDATE feed:2 SET v = 2; CREATE feed:3 SET v = 1');
  const [marker, ...changes] = await take(events, 4);
  expect(marker).toEqual({ action: 'RESYNC' });
  expect(changes).toEqual(
    expect.arrayContaining([
      { action: 'DELETE', id: new RecordId('feed', 1), record: { id: new RecordId('feed', 1), v: 1 } },
      { action: 'UPDATE', id: new RecordId('feed', 2), record: { id: new RecordId('feed', 2), v: 2 } },
      { action: 'CREATE', id: new RecordId('feed', 3), record: { id: new RecordId('feed', 3), v: 1 } },
    ]),
  );
  // And live changes after it, as before.
  await writer.queryAll('UPDATE feed:3 SET v = 9');
  expect(await take(events, 1)).toEqual([{ action: 'UPDATE', id: new RecordId('feed', 3), record: { id: new RecordId('feed', 3), v: 9 } }]);
  await events.kill();
});
