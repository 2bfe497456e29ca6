/**
 * Wrong arguments from untyped JavaScript get a typed `InvalidArgumentError` before any request
 * is sent, and the client carries on.
 */
import { InvalidArgumentError } from '@sdb/protocol';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { HttpClient } from '@sdb/http';
import { rejection } from '../../protocol/test-support/rejection.ts';
import { rootClient } from './support.ts';

let db: HttpClient;
beforeAll(async () => {
  ({ db } = await rootClient());
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

test('signin with no credentials rejects with InvalidArgumentError', async () => {
  await expect(db.signin(untyped)).rejects.toMatchObject({ name: 'InvalidArgumentError', method: 'signin', argument: 'credentials' });
});
