import { afterAll, beforeAll, expect, test } from 'vitest';
import { RecordId, Table } from '@sdb/protocol';
import { connectRoot, type RootClient } from './support.ts';

let client: RootClient;
beforeAll(async () => {
  client = await connectRoot();
});
afterAll(() => client.db.close());

test('smoke', async () => {
  const { db } = client;
  expect(await db.version()).toMatch(/surrealdb/);
  await db.create(new RecordId('person', 'tobie'), { name: 'Tobie' });
  expect(await db.select(new Table('person'))).toEqual([{ id: new RecordId('person', 'tobie'), name: 'Tobie' }]);
  expect(await db.queryAll('RETURN $x', { x: 1 })).toEqual([1]);
});
