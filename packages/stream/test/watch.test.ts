/**
 * `watch()`: the matching records, then every change, with no gap and no duplicate, against the
 * real engine, including while other clients write concurrently.
 */
import { afterEach, expect, test } from 'vitest';
import { InvalidArgumentError, RecordId, type Queryable } from '@sdb/protocol';
import { watch, type WatchEvent } from '../src/index.ts';
import { closeClients, embeddedClient, quiet, recordQueries, sleep, take, wsClient } from './support.ts';

afterEach(closeClients);

type Row = { id: RecordId; n: number; team?: string };

test('the matching records as SNAPSHOT events, READY, then each change', async () => {
  const db = await wsClient();
  await db.queryAll("DEFINE TABLE player; CREATE player:a SET n = 1, team = 'red'; CREATE player:b SET n = 2, team = 'red'; CREATE player:c SET n = 3, team = 'blue'");
  const { client, texts } = recordQueries(db);
  const events = await watch<Row>(client, 'player', { where: 'team = $team', params: { team: 'red' } });
  expect(texts).toEqual(['LIVE SELECT * FROM player WHERE (team = $team)', 'SELECT * FROM player WHERE (team = $team)']);
  const start = await take(events, 3);
  expect(start.slice(0, 2).map((event) => event.action)).toEqual(['SNAPSHOT', 'SNAPSHOT']);
  expect(start.slice(0, 2).map((event) => (event as { record: Row }).record.n).sort()).toEqual([1, 2]);
  expect(start[2]).toEqual({ action: 'READY' });

  await db.queryAll("CREATE player:d SET n = 4, team = 'red'");
  expect(await take(events, 1)).toEqual([{ action: 'CREATE', id: new RecordId('player', 'd'), record: { id: new RecordId('player', 'd'), n: 4, team: 'red' } }]);
  await db.queryAll('UPDATE player:a SET n = 10');
  expect(await take(events, 1)).toEqual([{ action: 'UPDATE', id: new RecordId('player', 'a'), record: { id: new RecordId('player', 'a'), n: 10, team: 'red' } }]);
  await db.queryAll('DELETE player:b');
  expect(await take(events, 1)).toEqual([{ action: 'DELETE', id: new RecordId('player', 'b'), record: { id: new RecordId('player', 'b'), n: 2, team: 'red' } }]);
  // The reads after notifications carry the bound ids, never the values in the text.
  expect(texts.slice(2).every((text) => text === 'SELECT * FROM player WHERE id IN $stream_ids AND (team = $team)')).toBe(true);
  await events.kill();
});

/** Applies watch events to a map and checks that each one changes it: no duplicate, no impossible step. */
function replay(events: WatchEvent<Row>[]): Map<string, Row> {
  const state = new Map<string, Row>();
  for (const event of events) {
    if (event.action === 'READY' || event.action === 'RESYNC') continue;
    const key = event.id.toString();
    if (event.action === 'SNAPSHOT' || event.action === 'CREATE') {
      expect(state.has(key), `${event.action} of ${key}, which is already there`).toBe(false);
      state.set(key, event.record);
    } else if (event.action === 'UPDATE') {
      expect(state.get(key), `UPDATE of ${key} to the state it already had`).not.toEqual(event.record);
      expect(state.has(key), `UPDATE of ${key}, which is not there`).toBe(true);
      state.set(key, event.record);
    } else {
      expect(state.delete(key), `DELETE of ${key}, which is not there`).toBe(true);
    }
  }
  return state;
}

async function concurrentWrites(db: Queryable, writers: number, operations: number): Promise<void> {
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let op = 0; op < operations; op++) {
        // Each writer its own records: concurrent writes to one record would conflict.
        const id = new RecordId('counter', writer * 10 + ((op * 3) % 10));
        const roll = (writer + op) % 5;
        if (roll === 4) await db.queryAll('DELETE $id', { id });
        else await db.queryAll('UPSERT $id SET n = $n, by = $writer', { id, n: op, writer });
      }
    }),
  );
}

/**
 * `client`, but `then()` runs as soon as its LIVE SELECT is registered: the writes overlap the
 * snapshot read and the reads after it. (Not the registration itself: a LIVE SELECT registered
 * while writes to its table are in flight is sometimes never notified by SurrealDB 3.0.2; see the README.)
 */
function onceLiveRegistered<C extends object>(client: C, then: () => void): C {
  return new Proxy(client, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      if (key !== 'liveQuery' && key !== 'queryAll') return value.bind(target);
      return async (sql: unknown, ...rest: unknown[]) => {
        const result = await (value as (...args: unknown[]) => Promise<unknown>).call(target, sql, ...rest);
        const text = typeof sql === 'string' ? sql : (sql as { query: string }).query;
        if (text.startsWith('LIVE SELECT')) then();
        return result;
      };
    },
  });
}

async function watchUnderLoad(db: Queryable & Parameters<typeof watch>[0]) {
  await db.queryAll('DEFINE TABLE counter; FOR $i IN 0..10 { CREATE type::record("counter", $i) SET n = -1 }');
  let load: Promise<void> | undefined;
  const events = await watch<Row>(onceLiveRegistered(db, () => (load = concurrentWrites(db, 4, 150))), 'counter');
  await load;
  const seen: WatchEvent<Row>[] = [];
  // Drain until the stream has been quiet for a while: every read after the last write is done.
  for (;;) {
    const next = await Promise.race([events.next(), sleep(700).then(() => undefined)]);
    if (next === undefined) break;
    if (next.done) throw new Error('the watch stream ended early');
    seen.push(next.value);
  }
  const [rows] = await db.queryAll<[Row[]]>('SELECT * FROM counter');
  return { seen, rows, events };
}

test('under concurrent writes over ws: the replayed events end at what the table holds, none redundant', async () => {
  const db = await wsClient();
  const { seen, rows } = await watchUnderLoad(db);
  expect(seen.filter((event) => event.action === 'READY')).toHaveLength(1);
  // The writes overlapped the snapshot: some changes were seen after it.
  expect(seen.filter((event) => event.action === 'UPDATE' || event.action === 'CREATE' || event.action === 'DELETE').length).toBeGreaterThan(10);
  const final = replay(seen);
  expect(new Map(rows.map((row) => [row.id.toString(), row]))).toEqual(final);
});

test('under concurrent writes in-process: the same guarantee', async () => {
  const db = await embeddedClient();
  const { seen, rows } = await watchUnderLoad(db);
  const final = replay(seen);
  expect(new Map(rows.map((row) => [row.id.toString(), row]))).toEqual(final);
});

test('fields and FETCH apply to the snapshot and to the changes alike', async () => {
  const db = await wsClient();
  await db.queryAll("DEFINE TABLE team; DEFINE TABLE member; CREATE team:red SET name = 'Red'; CREATE member:1 SET n = 1, team = team:red, secret = 'x'");
  const events = await watch(db, 'member', { fields: ['n', 'team'], fetch: ['team'] });
  const [snapshot] = await take(events, 2);
  expect(snapshot).toEqual({ action: 'SNAPSHOT', id: new RecordId('member', 1), record: { id: new RecordId('member', 1), n: 1, team: { id: new RecordId('team', 'red'), name: 'Red' } } });
  await db.queryAll("UPDATE member:1 SET n = 2, secret = 'y'");
  expect(await take(events, 1)).toEqual([{ action: 'UPDATE', id: new RecordId('member', 1), record: { id: new RecordId('member', 1), n: 2, team: { id: new RecordId('team', 'red'), name: 'Red' } } }]);
  // A write that changes nothing watch shows (only the unselected field) yields nothing.
  await db.queryAll("UPDATE member:1 SET secret = 'z'");
  expect(await quiet(events, 400)).toBe(true);
});

test('DIFF mode is refused: watch compares whole records', async () => {
  const db = await wsClient();
  await expect(watch(db, 'x', { diff: true } as never)).rejects.toBeInstanceOf(InvalidArgumentError);
});

test('a table that does not exist: watch() rejects', async () => {
  const db = await wsClient();
  await expect(watch(db, 'missing')).rejects.toThrow(/does not exist/);
});
