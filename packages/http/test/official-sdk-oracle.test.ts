/**
 * The official `surrealdb` SDK (2.0.8) over HTTP as an oracle: the same operations through it
 * and through @sdb/http, on the same server and database, give equal results.
 */
import { RecordId } from '@sdb/protocol';
import { RecordId as SdkRecordId, Surreal, Table as SdkTable } from 'surrealdb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { HttpClient } from '@sdb/http';
import { rootClient, surrealdb } from './support.ts';

let db: HttpClient;
let sdk: Surreal;

beforeAll(async () => {
  const created = await rootClient();
  db = created.db;
  const server = surrealdb();
  sdk = new Surreal();
  await sdk.connect(`${server.httpUrl}/rpc`, {
    namespace: created.namespace,
    database: created.database,
    authentication: { username: server.user, password: server.pass },
  });
  await db.queryAll('DEFINE TABLE person SCHEMALESS; DEFINE TABLE city SCHEMALESS');
  await db.insert('person', [
    { id: new RecordId('person', 'tobie'), name: 'Tobie', age: 33, tags: ['admin', 'dev'], address: { city: new RecordId('city', 'london') } },
    { id: new RecordId('person', 'jaime'), name: 'Jaime', age: 27, tags: [], address: { city: new RecordId('city', 'paris') } },
  ]);
});

afterAll(async () => {
  await Promise.all([db.close(), sdk.close()]);
});

/** Both SDKs' value classes reduced to their SurrealQL text, so the two object graphs compare. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof RecordId || value instanceof SdkRecordId) return `${String(value.table)}:${String(value.id)}`;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
  return value;
}

it('select of a table', async () => {
  expect(plain(await db.select('person'))).toEqual(plain(await sdk.select(new SdkTable('person'))));
});

it('select of one record', async () => {
  expect(plain(await db.select(new RecordId('person', 'tobie')))).toEqual(plain(await sdk.select(new SdkRecordId('person', 'tobie'))));
});

it('a multi-statement query with bound variables', async () => {
  const sql = 'SELECT name, age FROM person WHERE age > $min ORDER BY age; RETURN count(SELECT * FROM person); RETURN $min * 2';
  const ours = await db.queryAll(sql, { min: 20 });
  const theirs = await sdk.query(sql, { min: 20 });
  expect(plain(ours)).toEqual(plain(theirs));
});

it('graph traversal and record links', async () => {
  const sql = 'SELECT name, address.city AS city FROM person ORDER BY name';
  expect(plain(await db.queryAll(sql))).toEqual(plain(await sdk.query(sql)));
});

it('a write through the official SDK is read back the same through @sdb/http', async () => {
  await sdk.create(new SdkRecordId('person', 'ana')).content({ name: 'Ana', age: 41, tags: ['x'] });
  expect(plain(await db.select(new RecordId('person', 'ana')))).toEqual({ id: 'person:ana', name: 'Ana', age: 41, tags: ['x'] });
});

it('functions: run answers the same value', async () => {
  expect(await db.run('math::sum', [[1, 2, 3.5]])).toEqual(await sdk.run('math::sum', [[1, 2, 3.5]]));
});

it('version', async () => {
  const theirs = await sdk.version();
  expect(await db.version()).toBe(typeof theirs === 'string' ? theirs : theirs.version);
});
