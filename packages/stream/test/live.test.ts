/**
 * `live()`: a live query as typed events, over the @sdb/ws client and the in-process engine,
 * against the real engine.
 */
import { afterEach, expect, test } from 'vitest';
import { ConnectionClosedError, InvalidArgumentError, RecordId, StatementError } from '@sdb/protocol';
import { live, type LiveEvent } from '../src/index.ts';
import { closeClients, embeddedClient, httpClient, quiet, recordQueries, take, wsClient } from './support.ts';

afterEach(closeClients);

test('every action over ws: CREATE, UPDATE and DELETE with the record id and the record', async () => {
  const db = await wsClient();
  await db.queryAll('DEFINE TABLE person');
  const events = await live(db, 'person');
  await db.queryAll('CREATE person:ann SET age = 30');
  await db.queryAll('UPDATE person:ann SET age = 31');
  await db.queryAll('DELETE person:ann');
  // SurrealDB 3.0.2 may deliver notifications of quick successive writes out of order (see the README).
  const byAction = Object.fromEntries((await take(events, 3)).map((event) => [event.action, event]));
  const { CREATE: created, UPDATE: updated, DELETE: deleted } = byAction;
  const ann = new RecordId('person', 'ann');
  expect(created).toEqual({ action: 'CREATE', id: ann, record: { id: ann, age: 30 } });
  expect(updated).toEqual({ action: 'UPDATE', id: ann, record: { id: ann, age: 31 } });
  // A DELETE carries the record as it was.
  expect(deleted).toEqual({ action: 'DELETE', id: ann, record: { id: ann, age: 31 } });
  await events.kill();
});

test('every action over the in-process engine, whose notifications come through its transport', async () => {
  const db = await embeddedClient();
  await db.queryAll('DEFINE TABLE person');
  const events = await live(db, 'person');
  await db.queryAll('CREATE person:1 SET n = 1');
  await db.queryAll('UPDATE person:1 SET n = 2');
  await db.queryAll('DELETE person:1');
  const seen = (await take(events, 3)).map((event) => [event.action, (event as LiveEvent).record?.n]);
  expect(seen).toHaveLength(3);
  expect(seen).toEqual(expect.arrayContaining([
    ['CREATE', 1],
    ['UPDATE', 2],
    ['DELETE', 2],
  ]));
  await events.kill();
  expect(await events.next()).toEqual({ done: true, value: undefined });
});

test('DIFF mode: LIVE SELECT DIFF, each event carries JSON Patch operations instead of the record', async () => {
  const db = await wsClient();
  await db.queryAll('DEFINE TABLE person');
  const { client, texts } = recordQueries(db);
  const events = await live(client, 'person', { diff: true });
  expect(texts).toEqual(['LIVE SELECT DIFF FROM person']);
  await db.queryAll('CREATE person:1 SET age = 5');
  await db.queryAll('UPDATE person:1 SET age = 6');
  const { CREATE: created, UPDATE: updated } = Object.fromEntries((await take(events, 2)).map((event) => [event.action, event]));
  expect(created).toEqual({ action: 'CREATE', id: new RecordId('person', 1), diff: [{ op: 'replace', path: '', value: { id: new RecordId('person', 1), age: 5 } }] });
  expect(updated).toEqual({ action: 'UPDATE', id: new RecordId('person', 1), diff: [{ op: 'replace', path: '/age', value: 6 }] });
  await events.kill();
});

test('a filter with bound params: only matching records, and no value in the query text', async () => {
  const db = await wsClient();
  await db.queryAll('DEFINE TABLE person');
  const { client, texts } = recordQueries(db);
  const events = await live(client, 'person', { where: 'age >= $min AND team = $team', params: { min: 18, team: "o'brien; DELETE person" }, fields: ['age', 'team'] });
  expect(texts).toEqual(['LIVE SELECT id, age, team FROM person WHERE (age >= $min AND team = $team)']);
  await db.queryAll("CREATE person:kid SET age = 9, team = $t, name = 'k'; CREATE person:other SET age = 40, team = 'x'; CREATE person:adult SET age = 40, team = $t, name = 'a'", { t: "o'brien; DELETE person" });
  const [event] = await take(events, 1);
  expect(event).toEqual({ action: 'CREATE', id: new RecordId('person', 'adult'), record: { id: new RecordId('person', 'adult'), age: 40, team: "o'brien; DELETE person" } });
  expect(await quiet(events, 300)).toBe(true);
});

test('nothing is dropped between registration and the first next()', async () => {
  const db = await wsClient();
  await db.queryAll('DEFINE TABLE item');
  const events = await live(db, 'item');
  // Written before anyone reads: the stream keeps them.
  await db.queryAll('FOR $i IN 1..=50 { CREATE type::record("item", $i) }');
  const read = await take(events, 50);
  expect(read.map((event) => (event as LiveEvent).id.id).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  await events.kill();
});

test('break kills the live query on the server', async () => {
  const db = await wsClient();
  await db.queryAll('DEFINE TABLE item');
  const events = await live(db, 'item');
  await db.queryAll('CREATE item:1');
  expect(Object.keys((await db.queryAll<[{ lives: object }]>('INFO FOR TABLE item'))[0].lives)).toHaveLength(1);
  for await (const event of events) {
    expect(event.action).toBe('CREATE');
    break;
  }
  expect(Object.keys((await db.queryAll<[{ lives: object }]>('INFO FOR TABLE item'))[0].lives)).toHaveLength(0);
  expect(await events.next()).toEqual({ done: true, value: undefined });
});

test('a compiled LIVE SELECT runs as given, with its bindings', async () => {
  const db = await embeddedClient();
  await db.queryAll('DEFINE TABLE task');
  const events = await live(db, { query: 'LIVE SELECT * FROM task WHERE done = $done', bindings: { done: true } });
  await db.queryAll('CREATE task:1 SET done = false; CREATE task:2 SET done = true');
  expect((await take(events, 1))[0]).toMatchObject({ action: 'CREATE', id: new RecordId('task', 2) });
  await events.kill();
});

test('a table that does not exist: live() rejects with the statement error, nothing keeps running', async () => {
  const db = await wsClient();
  await expect(live(db, 'missing')).rejects.toBeInstanceOf(StatementError);
  await expect(live(db, 'missing')).rejects.toThrow(/does not exist/);
});

test('bad arguments are typed errors before anything is sent', async () => {
  const db = await wsClient();
  const { client, texts } = recordQueries(db);
  await expect(live(client, 'person', { params: { 'a b': 1 } })).rejects.toBeInstanceOf(InvalidArgumentError);
  await expect(live(client, 'person', { diff: true, fields: ['a'] })).rejects.toBeInstanceOf(InvalidArgumentError);
  await expect(live(client, 42 as unknown as string)).rejects.toBeInstanceOf(InvalidArgumentError);
  // A re-read after a reconnect yields whole records, so it cannot serve DIFF mode.
  await expect(live(client, 'person', { diff: true, resync: 'reread' } as never)).rejects.toThrow(/cannot be combined with diff/);
  await expect(live(client, 'person', { resync: 'sometimes' as never })).rejects.toBeInstanceOf(InvalidArgumentError);
  expect(texts).toEqual([]);
});

test('a client that cannot push notifications (HTTP) is refused with a typed error that points to changes()', async () => {
  const db = await httpClient();
  await expect(live(db as never, 'person')).rejects.toThrow(/changes\(\)/);
});

test('a hostile table name is escaped, not spliced', async () => {
  const db = await wsClient();
  await db.queryAll('DEFINE TABLE `odd name; REMOVE TABLE x`');
  const { client, texts } = recordQueries(db);
  const events = await live(client, 'odd name; REMOVE TABLE x');
  expect(texts).toEqual(['LIVE SELECT * FROM `odd name; REMOVE TABLE x`']);
  await db.queryAll('CREATE type::record("odd name; REMOVE TABLE x", 1)');
  expect((await take(events, 1))[0]?.action).toBe('CREATE');
  await events.kill();
});

test('the client closing ends the stream: next() settles, it does not hang', async () => {
  const db = await wsClient();
  await db.queryAll('DEFINE TABLE item');
  const events = await live(db, 'item');
  const pending = events.next();
  await db.close();
  const outcome = await pending.then(
    (result) => result,
    (error: unknown) => error,
  );
  if (outcome instanceof Error) expect(outcome).toBeInstanceOf(ConnectionClosedError);
  else expect(outcome).toEqual({ done: true, value: undefined });
});
