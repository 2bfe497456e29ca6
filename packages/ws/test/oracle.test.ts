/**
 * The official `surrealdb` SDK (2.0.8) as an oracle: the same operations through it and through
 * @sdb/ws, each in its own fresh database on the same server, give equal results.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { RecordId as SdkRecordId, Surreal, Table as SdkTable } from 'surrealdb';
import WebSocket from 'ws';
import { RecordId, Table } from '@sdb/protocol';
import type { WsClient } from '../src/index.ts';
import { connectRoot, surrealdb, uniqueScope } from './support.ts';

let ours: WsClient;
let sdk: Surreal;

const SETUP = `
  DEFINE TABLE person SCHEMALESS;
  DEFINE TABLE knows TYPE RELATION;
  DEFINE FUNCTION fn::double($n: number) { RETURN $n * 2; };
`;

beforeAll(async () => {
  ({ db: ours } = await connectRoot());
  await ours.queryAll(SETUP);
  sdk = new Surreal({ websocketImpl: WebSocket as unknown as typeof globalThis.WebSocket });
  const { user, pass } = surrealdb();
  await sdk.connect(surrealdb().url, { ...uniqueScope('sdk_oracle'), authentication: { username: user, password: pass } });
  await sdk.query(SETUP);
});
afterAll(async () => {
  await ours.close();
  await sdk.close();
});

/** A client-neutral form: class instances by kind and text form, plain objects with sorted keys. */
function plain(value: unknown): unknown {
  if (value === undefined) return '<none>';
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? `${value}n` : value;
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Date) return { datetime: value.toISOString() };
  const prototype = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([key, item]) => [key, plain(item)]));
  }
  // Bundled SDK classes may carry a suffix (`RecordId$1`).
  const kind = (value as object).constructor.name.toLowerCase().replace(/\$\d+$/, '');
  // Record ids compare by table and key: the SDK writes odd keys in ⟨⟩, SurrealDB 3 and sdb in backticks.
  if (kind === 'recordid') {
    const { table, id } = value as { table: { name?: string } | string; id: unknown };
    return { recordid: [typeof table === 'string' ? table : table.name, plain(id)] };
  }
  const json = (value as { toJSON?: () => unknown }).toJSON?.();
  return { [kind]: typeof json === 'string' ? json : String(value) };
}

async function both<T>(mine: (db: WsClient) => Promise<T>, theirs: (db: Surreal) => Promise<unknown>): Promise<void> {
  const [a, b] = await Promise.all([mine(ours), theirs(sdk)]);
  expect(plain(a)).toEqual(plain(b));
}

test('create, select, update, merge, upsert, delete give the same records', async () => {
  await both(
    (db) => db.create(new RecordId('person', 'tobie'), { name: 'Tobie', tags: ['a', 'b'], age: 30 }),
    (db) => db.create(new SdkRecordId('person', 'tobie')).content({ name: 'Tobie', tags: ['a', 'b'], age: 30 }),
  );
  await both(
    (db) => db.select(new RecordId('person', 'tobie')),
    (db) => db.select(new SdkRecordId('person', 'tobie')),
  );
  await both(
    (db) => db.update(new RecordId('person', 'tobie'), { name: 'Tobie', age: 31 }),
    (db) => db.update(new SdkRecordId('person', 'tobie')).content({ name: 'Tobie', age: 31 }),
  );
  await both(
    (db) => db.merge(new RecordId('person', 'tobie'), { city: 'London' }),
    (db) => db.update(new SdkRecordId('person', 'tobie')).merge({ city: 'London' }),
  );
  await both(
    (db) => db.upsert(new RecordId('person', 'jaime'), { name: 'Jaime' }),
    (db) => db.upsert(new SdkRecordId('person', 'jaime')).content({ name: 'Jaime' }),
  );
  await both(
    (db) => db.select(new Table('person')),
    (db) => db.select(new SdkTable('person')),
  );
  await both(
    (db) => db.delete(new RecordId('person', 'jaime')),
    (db) => db.delete(new SdkRecordId('person', 'jaime')),
  );
});

test('insert and relate give the same rows and edges', async () => {
  await both(
    (db) => db.insert('person', [{ id: new RecordId('person', 'a'), n: 1 }, { id: new RecordId('person', 'b'), n: 2 }]),
    (db) => db.insert(new SdkTable('person'), [{ id: new SdkRecordId('person', 'a'), n: 1 }, { id: new SdkRecordId('person', 'b'), n: 2 }]),
  );
  await both(
    async (db) => {
      const edge = (await db.relate(new RecordId('person', 'a'), 'knows', new RecordId('person', 'b'), { since: 2020 })) as Record<string, unknown>;
      return { ...edge, id: undefined };
    },
    async (db) => {
      const edge = (await db.relate(new SdkRecordId('person', 'a'), new SdkTable('knows'), new SdkRecordId('person', 'b'), { since: 2020 })) as unknown as Record<string, unknown>;
      return { ...edge, id: undefined };
    },
  );
});

test('queries with bound values and every kind of value decode alike', async () => {
  const sql = `
    RETURN $n * 2;
    RETURN {
      datetime: d'2024-01-02T03:04:05.123456789Z',
      duration: 1h30m5s,
      decimal: 1.25dec,
      uuid: u'0190d7a1-5c6a-7cc0-8d1e-2b3c4d5e6f70',
      record: person:⟨tobie lee⟩,
      numeric_record: person:42,
      none: NONE,
      null: NULL,
      nested: [1, 'two', true, 2.5, { deep: [person:a] }],
      big: 9007199254740993,
      float: 0.1 + 0.2
    };
    SELECT name, age FROM person WHERE age > $min ORDER BY name;
  `;
  await both(
    (db) => db.queryAll(sql, { n: 21, min: 18 }),
    (db) => db.query(sql, { n: 21, min: 18 }),
  );
});

test('functions and the server version', async () => {
  await both(
    (db) => db.run('fn::double', [21]),
    (db) => db.run('fn::double', [21]),
  );
  await both(
    (db) => db.version(),
    async (db) => (await db.version()).version,
  );
});

test('live notifications carry the same action, record and content', async () => {
  const mine = await ours.live('person');
  const theirs = await sdk.live(new SdkTable('person'));
  const mineNext = mine[Symbol.asyncIterator]().next();
  const theirsNext = theirs[Symbol.asyncIterator]().next();
  await both(
    (db) => db.create(new RecordId('person', 'live'), { name: 'Live' }),
    (db) => db.create(new SdkRecordId('person', 'live')).content({ name: 'Live' }),
  );
  const [a, b] = await Promise.all([mineNext, theirsNext]);
  expect(plain({ action: a.value?.action, record: a.value?.record, result: a.value?.result })).toEqual(
    plain({ action: b.value?.action, record: b.value?.recordId, result: b.value?.value }),
  );
  await mine.kill();
  await theirs.kill();
});
