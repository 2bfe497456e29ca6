/**
 * `changes()`: a change feed read as change sets with a checkpoint, over ws and over HTTP,
 * against the real engine.
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { ConnectionClosedError, Datetime, InvalidArgumentError, RecordId, type Queryable } from '@sdb/protocol';
import { changes, enableChangefeed, MemoryCheckpoint, RecordCheckpoint, type ChangeSet } from '../src/index.ts';
import { closeClients, httpClient, recordQueries, sleep, take, wsClient } from './support.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';

afterEach(closeClients);

// Writes to CHANGEFEED tables make the 3.0.2 engine print to stderr: they go to a server of their own (see server-process.ts).
let feedServer: ServerProcess;
beforeAll(async () => {
  feedServer = await startServerProcess();
}, 120_000);
afterAll(() => feedServer.stop());

/** Creates `table:1` … `table:count`, one transaction (one versionstamp) each; a FOR loop would be one. */
async function writeEach(db: Queryable, table: string, count: number): Promise<void> {
  for (let i = 1; i <= count; i++) await db.queryAll('CREATE $id', { id: new RecordId(table, i) });
}

test('each kind of change: the table definition, a create (as an update), an update, a delete', async () => {
  const db = await wsClient({}, feedServer);
  await db.queryAll('DEFINE TABLE person CHANGEFEED 1h');
  await db.queryAll("CREATE person:ann SET name = 'Ann'");
  await db.queryAll("UPDATE person:ann SET name = 'Anne'");
  await db.queryAll('DELETE person:ann');
  const feed = changes(db, { table: 'person' });
  const sets = await take(feed, 4);
  const ann = new RecordId('person', 'ann');
  expect(sets.map((set) => set.changes)).toEqual([
    [{ type: 'define_table', table: 'person', definition: expect.objectContaining({ name: 'person' }) }],
    [{ type: 'update', table: 'person', id: ann, record: { id: ann, name: 'Ann' } }],
    [{ type: 'update', table: 'person', id: ann, record: { id: ann, name: 'Anne' } }],
    // Only the id: the feed keeps nothing of a deleted record.
    [{ type: 'delete', table: 'person', id: ann }],
  ]);
  // Versionstamps are past 2^53, so bigints, and they increase.
  for (const set of sets) expect(typeof set.versionstamp).toBe('bigint');
  expect(sets[1]!.versionstamp > 2n ** 53n).toBe(true);
  expect(sets.map((set) => set.versionstamp)).toEqual([...sets.map((set) => set.versionstamp)].sort((a, b) => (a < b ? -1 : 1)));
  await feed.return?.();
});

test('the writes of one transaction come as one change set', async () => {
  const db = await wsClient({}, feedServer);
  await db.queryAll('DEFINE TABLE item CHANGEFEED 1h');
  await db.queryAll('BEGIN; CREATE item:1; CREATE item:2; COMMIT');
  const [, set] = await take(changes(db, { table: 'item' }), 2);
  expect(set!.changes.map((change) => change.type === 'update' && change.id.id)).toEqual([1, 2]);
});

test('INCLUDE ORIGINAL: an update carries the reverse patch; a create carries none', async () => {
  const db = await wsClient({}, feedServer);
  await db.queryAll('DEFINE TABLE doc');
  await enableChangefeed(db, 'doc', { expiry: '2h', includeOriginal: true });
  await db.queryAll('CREATE doc:1 SET v = 1');
  await db.queryAll('UPDATE doc:1 SET v = 2');
  // Turned on after the table was defined: the feed has no define_table entry.
  const [created, updated] = await take(changes(db, { table: 'doc' }), 2);
  expect(created!.changes).toEqual([{ type: 'update', table: 'doc', id: new RecordId('doc', 1), record: { id: new RecordId('doc', 1), v: 1 } }]);
  expect(updated!.changes).toEqual([{ type: 'update', table: 'doc', id: new RecordId('doc', 1), record: { id: new RecordId('doc', 1), v: 2 }, reverse: [{ op: 'replace', path: '/v', value: 1 }] }]);
});

test('enableChangefeed keeps the table schema and escapes the name; the expiry is a checked duration', async () => {
  const db = await wsClient({}, feedServer);
  await db.queryAll('DEFINE TABLE `odd-name` SCHEMAFULL; DEFINE FIELD n ON `odd-name` TYPE int');
  const { client, texts } = recordQueries(db);
  await enableChangefeed(client, 'odd-name', { expiry: '3d' });
  expect(texts).toEqual(['ALTER TABLE `odd-name` CHANGEFEED 3d']);
  const [info] = await db.queryAll<[{ tables: Record<string, string> }]>('INFO FOR DB');
  expect(info.tables['odd-name']).toMatch(/SCHEMAFULL CHANGEFEED 3d/);
  await expect(enableChangefeed(db, 'odd-name', { expiry: '3d; REMOVE TABLE x' })).rejects.toThrow();
  await expect(enableChangefeed(db, 'odd-name', { expiry: '0s' })).rejects.toBeInstanceOf(InvalidArgumentError);
});

test('several tables are merged in versionstamp order; a transaction over both is one change set', async () => {
  const db = await wsClient({}, feedServer);
  await db.queryAll('DEFINE TABLE a CHANGEFEED 1h; DEFINE TABLE b CHANGEFEED 1h');
  await db.queryAll('CREATE a:1');
  await db.queryAll('CREATE b:1');
  await db.queryAll('BEGIN; CREATE a:2; CREATE b:2; COMMIT');
  const feed = changes(db, { tables: ['a', 'b'], batchSize: 2 });
  const sets = await take(feed, 5);
  const writes = sets.map((set) => set.changes.filter((change) => change.type === 'update').map((change) => change.type === 'update' && change.id.toString()));
  expect(writes.filter((ids) => ids.length > 0)).toEqual([['a:1'], ['b:1'], ['a:2', 'b:2']]);
  expect(sets.map((set) => set.versionstamp)).toEqual([...sets.map((set) => set.versionstamp)].sort((x, y) => (x < y ? -1 : 1)));
});

test('pages of batchSize, read only when the consumer pulls; the query text holds only checked literals', async () => {
  const db = await wsClient({}, feedServer);
  await db.queryAll('DEFINE TABLE log CHANGEFEED 1h');
  await writeEach(db, 'log', 9);
  const { client, texts } = recordQueries(db);
  const feed = changes(client, { table: 'log', batchSize: 4 });
  await sleep(50);
  expect(texts).toEqual([]);
  await take(feed, 1);
  expect(texts).toHaveLength(1);
  expect(texts[0]).toMatch(/^SHOW CHANGES FOR TABLE log SINCE 0 LIMIT 4$/);
  await take(feed, 3);
  expect(texts).toHaveLength(1);
  await take(feed, 1);
  expect(texts).toHaveLength(2);
  expect(texts[1]).toMatch(/^SHOW CHANGES FOR TABLE log SINCE \d{17,} LIMIT 4$/);
});

test('polls an idle feed and yields what arrives later', async () => {
  const db = await wsClient({}, feedServer);
  await db.queryAll('DEFINE TABLE job CHANGEFEED 1h');
  const feed = changes(db, { table: 'job', pollInterval: 50 });
  await take(feed, 1);
  const later = take(feed, 1);
  await sleep(200);
  await db.queryAll('CREATE job:1');
  expect((await later)[0]!.changes).toEqual([{ type: 'update', table: 'job', id: new RecordId('job', 1), record: { id: new RecordId('job', 1) } }]);
  await feed.return?.();
  expect(await feed.next()).toEqual({ done: true, value: undefined });
});

test('since a time: only the changes after it', async () => {
  const db = await wsClient({}, feedServer);
  await db.queryAll('DEFINE TABLE ev CHANGEFEED 1h; CREATE ev:old');
  await sleep(20);
  const from = new Date();
  await sleep(20);
  await db.queryAll('CREATE ev:new');
  const { client, texts } = recordQueries(db);
  const [set] = await take(changes(client, { table: 'ev', since: from }), 1);
  expect(set!.changes).toEqual([{ type: 'update', table: 'ev', id: new RecordId('ev', 'new'), record: { id: new RecordId('ev', 'new') } }]);
  expect(texts[0]).toBe(`SHOW CHANGES FOR TABLE ev SINCE ${String(new Datetime(from))} LIMIT 100`);
});

test('over HTTP: the same feed by polling, with a checkpoint kept in a SurrealDB record', async () => {
  const ws = await wsClient({}, feedServer);
  const [scope] = await ws.queryAll<[[string, string]]>('RETURN [session::ns(), session::db()]');
  await ws.queryAll('DEFINE TABLE order CHANGEFEED 1h; DEFINE TABLE feed_checkpoint; CREATE order:1; CREATE order:2');
  const db = await httpClient({ namespace: scope[0], database: scope[1] }, feedServer);
  const checkpoint = new RecordCheckpoint(db, new RecordId('feed_checkpoint', 'http'));
  expect(await checkpoint.load()).toBeUndefined();
  const feed = changes(db, { table: 'order', checkpoint, pollInterval: 50 });
  const sets = await take(feed, 3);
  // The checkpoint moves when the consumer asks for the next set, i.e. after handling the last one.
  const waiting = feed.next();
  await sleep(100);
  expect(await checkpoint.load()).toBe(sets[2]!.versionstamp);
  await ws.queryAll('CREATE order:3');
  expect(((await waiting).value as ChangeSet).changes[0]).toMatchObject({ type: 'update', id: new RecordId('order', 3) });
  await feed.return?.();
});

test('a restarted consumer resumes after its checkpoint: the set it held comes again, the handled ones do not', async () => {
  const db = await wsClient({}, feedServer);
  await db.queryAll('DEFINE TABLE msg CHANGEFEED 1h');
  await writeEach(db, 'msg', 5);
  const checkpoint = new MemoryCheckpoint();
  const first = changes(db, { table: 'msg', checkpoint });
  // The definition and msg:1 … msg:3 handled; msg:4 in hand when the consumer stops.
  const firstSets = await take(first, 5);
  await first.return?.();
  expect(checkpoint.value).toBe(firstSets[3]!.versionstamp);
  const resumed = await take(changes(db, { table: 'msg', checkpoint }), 2);
  expect(resumed.map((set) => set.changes[0])).toMatchObject([{ id: new RecordId('msg', 4) }, { id: new RecordId('msg', 5) }]);
});

test('errors reach the consumer: a closed client rejects next() with a typed error, then the feed is done', async () => {
  const db = await wsClient({}, feedServer);
  await db.queryAll('DEFINE TABLE t CHANGEFEED 1h');
  const feed = changes(db, { table: 't', pollInterval: 20 });
  await take(feed, 1);
  await db.close();
  await expect(feed.next()).rejects.toBeInstanceOf(ConnectionClosedError);
  expect(await feed.next()).toEqual({ done: true, value: undefined });
});

test('a checkpoint store that fails: next() rejects with its error, it is not swallowed', async () => {
  const db = await wsClient({}, feedServer);
  await db.queryAll('DEFINE TABLE t CHANGEFEED 1h');
  const broken = { load: async () => undefined, save: async () => Promise.reject(new Error('disk full')) };
  const feed = changes(db, { table: 't', checkpoint: broken });
  await take(feed, 1);
  await expect(feed.next()).rejects.toThrow('disk full');
});

test('bad options are typed errors before anything is sent', async () => {
  const db = await wsClient({}, feedServer);
  expect(() => changes(db, {})).toThrow(InvalidArgumentError);
  expect(() => changes(db, { table: 'a', tables: ['b'] })).toThrow(InvalidArgumentError);
  expect(() => changes(db, { table: 'a', batchSize: 0 })).toThrow(InvalidArgumentError);
  expect(() => changes(db, { table: 'a', commit: 'never' as never })).toThrow(InvalidArgumentError);
  await expect(changes(db, { table: 'a', since: -1n }).next()).rejects.toBeInstanceOf(InvalidArgumentError);
});

test('over HTTP, exactly-once by one batched BEGIN … COMMIT: effects and checkpoint statement commit together or not at all', async () => {
  const ws = await wsClient({}, feedServer);
  const [scope] = await ws.queryAll<[[string, string]]>('RETURN [session::ns(), session::db()]');
  await ws.queryAll('DEFINE TABLE sale CHANGEFEED 1h; DEFINE TABLE ledger; DEFINE TABLE feed_checkpoint');
  await writeEach(ws, 'sale', 3);
  const db = await httpClient({ namespace: scope[0], database: scope[1] }, feedServer);
  const checkpoint = new RecordCheckpoint(db, new RecordId('feed_checkpoint', 'ledger'));
  const feed = changes(db, { table: 'sale', checkpoint, commit: 'manual' });
  const [definition, first, second] = await take(feed, 3);
  const commitWith = async (set: ChangeSet, fail: boolean) => {
    const save = checkpoint.statement(set.versionstamp);
    const sale = set.changes[0]!.type === 'update' ? (set.changes[0] as { id: RecordId }).id : undefined;
    const failure = fail ? 'THROW "crash";' : '';
    return db.query(`BEGIN; UPSERT $entry SET n += 1; ${failure} ${save.query}; COMMIT`, { entry: new RecordId('ledger', String(sale?.id)), ...save.bindings });
  };
  await checkpoint.save(definition!.versionstamp);
  await commitWith(first!, false);
  expect(await checkpoint.load()).toBe(first!.versionstamp);
  // The batch fails: neither the effect nor the checkpoint is written.
  const failed = await commitWith(second!, true);
  expect(failed.some((result) => !result.ok)).toBe(true);
  expect(await checkpoint.load()).toBe(first!.versionstamp);
  const [ledger] = await db.queryAll<[{ n: number }[]]>('SELECT n FROM ledger');
  expect(ledger).toEqual([{ n: 1 }]);
  await feed.return?.();
});
