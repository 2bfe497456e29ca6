/**
 * Live subscriptions: async iteration and `.on`, buffering before anyone listens, kill, KILLED,
 * LIVE SELECT through a query, and subscriptions in a session.
 */
import { afterAll, beforeAll, expect, expectTypeOf, test } from 'vitest';
import { RecordId, Table, type PatchOperation, type Uuid } from '@sdb/protocol';
import type { LiveMessage, LiveSubscription, WsClient } from '../src/index.ts';
import { connectRoot, surrealdb, until } from './support.ts';

let db: WsClient;
let namespace: string;
let database: string;
beforeAll(async () => {
  ({ db, namespace, database } = await connectRoot());
  await db.queryAll('DEFINE TABLE task SCHEMALESS; DEFINE TABLE note SCHEMALESS; DEFINE TABLE other SCHEMALESS');
});
afterAll(() => db.close());

async function take<T>(iterable: AsyncIterable<T>, count: number): Promise<T[]> {
  const taken: T[] = [];
  for await (const item of iterable) {
    taken.push(item);
    if (taken.length === count) break;
  }
  return taken;
}

/**
 * Runs `write`, then waits until the socket has received the notification it causes for
 * `subscription` (the engine may reorder the notifications of quick successive writes).
 */
async function notified(subscription: LiveSubscription, write: () => Promise<unknown>): Promise<void> {
  let arrived = false;
  const stop = db.onNotification((notification) => (arrived ||= notification.id.equals(subscription.id)));
  try {
    await write();
    await until(() => arrived, 5000, 'a notification');
  } finally {
    stop();
  }
}

test('notifications that arrive before anyone iterates are buffered, in order', async () => {
  const subscription = await db.live('task');
  await notified(subscription, () => db.create(new RecordId('task', 1), { title: 'one' }));
  await notified(subscription, () => db.merge(new RecordId('task', 1), { done: true }));
  await notified(subscription, () => db.delete(new RecordId('task', 1)));
  const messages = await take(subscription, 3);
  expect(messages.map((message) => message.action)).toEqual(['CREATE', 'UPDATE', 'DELETE']);
  expect(messages[1]).toMatchObject({ record: new RecordId('task', 1), result: { title: 'one', done: true } });
  // Breaking out of the loop killed the live query.
  expect(subscription.closed).toBe(true);
});

test('.on delivers buffered then new notifications; the returned function stops listening', async () => {
  const subscription = await db.live('note');
  await notified(subscription, () => db.create(new RecordId('note', 'a'), {}));
  const seen: LiveMessage[] = [];
  const stop = subscription.on((message) => seen.push(message));
  expect(seen).toHaveLength(1);
  await notified(subscription, () => db.create(new RecordId('note', 'b'), {}));
  stop();
  await notified(subscription, () => db.create(new RecordId('note', 'c'), {}));
  expect(seen.map((message) => (message.record as RecordId).id)).toEqual(['a', 'b']);
  await subscription.kill();
});

test('a subscription only sees its own table', async () => {
  const tasks = await db.live('task');
  const others = await db.live('other');
  await db.create(new RecordId('other', 1), {});
  await db.create(new RecordId('task', 2), {});
  const [message] = await take(tasks, 1);
  expect(message?.record).toEqual(new RecordId('task', 2));
  const [other] = await take(others, 1);
  expect(other?.record).toEqual(new RecordId('other', 1));
});

test('diff subscriptions receive JSON Patch operations, and are typed so', async () => {
  const subscription = await db.live('note', { diff: true });
  expectTypeOf(subscription).toEqualTypeOf<LiveSubscription<PatchOperation[]>>();
  await notified(subscription, () => db.create(new RecordId('note', 'diffed'), { n: 1 }));
  await notified(subscription, () => db.merge(new RecordId('note', 'diffed'), { n: 2 }));
  const [created, updated] = await take(subscription, 2);
  expect(created).toMatchObject({ action: 'CREATE', result: [{ op: 'replace', path: '', value: { id: new RecordId('note', 'diffed'), n: 1 } }] });
  expect(updated).toMatchObject({ action: 'UPDATE', result: [{ op: 'replace', path: '/n', value: 2 }] });
});

test('without diff, live messages are typed as the record type asked for', async () => {
  interface Note {
    id: RecordId;
    n: number;
  }
  // Arrows, so that the type checks start no live query.
  expectTypeOf(() => db.live<Note>('note')).returns.resolves.toEqualTypeOf<LiveSubscription<Note>>();
  expectTypeOf(() => db.live<Note>('note', { diff: false })).returns.resolves.toEqualTypeOf<LiveSubscription<Note>>();
  // A diff flag only known at run time: either shape.
  expectTypeOf((diff: boolean) => db.live<Note>('note', { diff })).returns.resolves.toEqualTypeOf<LiveSubscription<Note | PatchOperation[]>>();
  const subscription = await db.live<Note>('note');
  await db.create(new RecordId('note', 'whole'), { n: 3 });
  const [message] = await take(subscription, 1);
  expect(message?.result).toEqual({ id: new RecordId('note', 'whole'), n: 3 });
});

test('liveQuery runs a LIVE SELECT with bound values; only matching records notify', async () => {
  const subscription = await db.liveQuery('LIVE SELECT * FROM task WHERE priority > $min', { min: 5 });
  await db.create(new RecordId('task', 'low'), { priority: 1 });
  await db.create(new RecordId('task', 'high'), { priority: 9 });
  const [message] = await take(subscription, 1);
  expect(message).toMatchObject({ action: 'CREATE', record: new RecordId('task', 'high') });
});

test('liveQuery refuses a query that is not one LIVE SELECT', async () => {
  await expect(db.liveQuery('RETURN 1; RETURN 2')).rejects.toThrow(TypeError);
});

test('subscribe follows a live query started inside a larger query', async () => {
  const [, id] = await db.queryAll<[unknown, Uuid]>('LET $t = "task"; LIVE SELECT * FROM task');
  const subscription = await db.subscribe(id);
  await db.create(new RecordId('task', 'via-query'), {});
  const [message] = await take(subscription, 1);
  expect(message?.record).toEqual(new RecordId('task', 'via-query'));
});

test('a KILL issued elsewhere ends the subscription after its KILLED notification', async () => {
  const subscription = await db.live('task');
  const collected: LiveMessage[] = [];
  const done = (async () => {
    for await (const message of subscription) collected.push(message);
  })();
  await db.query('KILL $id', { id: subscription.id });
  await done;
  expect(collected.map((message) => message.action)).toEqual(['KILLED']);
  expect(subscription.closed).toBe(true);
});

test('live queries of a session end when the session closes', async () => {
  const session = await db.session({ namespace, database });
  await session.signin({ username: surrealdb().user, password: surrealdb().pass });
  const subscription = await session.live('task');
  await session.close();
  expect(subscription.closed).toBe(true);
  expect((await subscription[Symbol.asyncIterator]().next()).done).toBe(true);
});

test('closing the client ends every subscription', async () => {
  const { db: client } = await connectRoot();
  await client.queryAll('DEFINE TABLE t');
  const subscription = await client.live(new Table('t'));
  const next = subscription[Symbol.asyncIterator]().next();
  await client.close();
  expect((await next).done).toBe(true);
  // Killing after the close is a no-op, not an error.
  await expect(subscription.kill()).resolves.toBeUndefined();
});
