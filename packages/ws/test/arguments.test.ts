/**
 * Wrong arguments from untyped JavaScript get a typed `InvalidArgumentError` before anything is
 * sent, on the client, a session and a transaction, and the connection carries on.
 */
import { InvalidArgumentError, RecordId } from '@sdb/protocol';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { WsClient } from '../src/index.ts';
import { rejection } from '../../protocol/test-support/rejection.ts';
import { connectRoot } from './support.ts';

let db: WsClient;
beforeAll(async () => {
  ({ db } = await connectRoot());
  await db.query('DEFINE TABLE note SCHEMALESS');
});
afterAll(() => db.close());

// What plain JavaScript can pass where the types say otherwise.
const untyped = undefined as never;

test('query(undefined) rejects with InvalidArgumentError naming the argument, not a raw TypeError', async () => {
  const error = await rejection(db.query(untyped));
  expect(error).toBeInstanceOf(InvalidArgumentError);
  expect(error).toMatchObject({ method: 'query', argument: 'sql' });
  expect(await db.queryAll('RETURN 1')).toEqual([1]);
});

test('select(undefined) rejects instead of answering []', async () => {
  await expect(db.select(untyped)).rejects.toMatchObject({ name: 'InvalidArgumentError', method: 'select', argument: 'what' });
});

test('live, liveQuery and subscribe check their arguments too', async () => {
  await expect(db.live(untyped)).rejects.toMatchObject({ name: 'InvalidArgumentError', method: 'live', argument: 'table' });
  await expect(db.liveQuery(untyped)).rejects.toMatchObject({ name: 'InvalidArgumentError', method: 'liveQuery', argument: 'sql' });
  await expect(db.subscribe('a-live-id' as never)).rejects.toMatchObject({ name: 'InvalidArgumentError', method: 'subscribe', argument: 'id' });
});

test('a session checks its arguments like the client', async () => {
  await using session = await db.session();
  await expect(session.create(untyped)).rejects.toBeInstanceOf(InvalidArgumentError);
});

test('a wrong argument inside a transaction cancels it, like any throw', async () => {
  const note = new RecordId('note', 'kept-out');
  const attempt = db.transaction(async (tx) => {
    await tx.create(note, { text: 'written first' });
    await tx.merge(note, untyped);
  });
  await expect(attempt).rejects.toMatchObject({ name: 'InvalidArgumentError', method: 'merge', argument: 'data' });
  expect(await db.select(note)).toBeUndefined();
});

test('transaction(fn) without a function rejects with InvalidArgumentError, opening nothing', async () => {
  await expect(db.transaction(untyped)).rejects.toMatchObject({ name: 'InvalidArgumentError', method: 'transaction', argument: 'fn' });
});
