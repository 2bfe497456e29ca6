/**
 * Authentication at connect (credentials, token, callback), record users and their permissions,
 * and the `auth` event.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { NotAllowedError, RecordId, StatementError, ThrownError } from '@sdb/protocol';
import { connect, type WsClient } from '../src/index.ts';
import { accountAccess } from './record-access.ts';
import { connectRoot, surrealdb } from './support.ts';

let db: WsClient;
let namespace: string;
let database: string;
const url = () => surrealdb().url;

beforeAll(async () => {
  ({ db, namespace, database } = await connectRoot());
  await db.queryAll(accountAccess());
  await db.queryAll(`
    DEFINE TABLE post SCHEMALESS PERMISSIONS
      FOR select FULL,
      FOR create WHERE { THROW "record users may not publish posts" };
    CREATE post:welcome SET title = 'Welcome';
  `);
  const signup = await connect(url(), { namespace, database });
  await signup.signup({ namespace, database, access: 'account', variables: { email: 'ann@example.com', pass: 'ann-pass' } });
  await signup.close();
});
afterAll(() => db.close());

const ann = () => ({ namespace, database, access: 'account', variables: { email: 'ann@example.com', pass: 'ann-pass' } });

test('root credentials authenticate at connect', async () => {
  const { user, pass } = surrealdb();
  const client = await connect(url(), { namespace, database, auth: { username: user, password: pass } });
  try {
    expect(await client.queryAll('RETURN 1')).toEqual([1]);
  } finally {
    await client.close();
  }
});

test('connect with a wrong password rejects with NotAllowedError (auth reason InvalidAuth)', async () => {
  const error = await connect(url(), { auth: { username: 'root', password: 'not-the-password' } }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(NotAllowedError);
  expect((error as NotAllowedError).authReason).toBe('InvalidAuth');
});

test('a token authenticates at connect', async () => {
  const { access } = await db.signin({ username: surrealdb().user, password: surrealdb().pass });
  const client = await connect(url(), { namespace, database, auth: access });
  try {
    expect(await client.queryAll('RETURN 1')).toEqual([1]);
  } finally {
    await client.close();
  }
  // Signing in again on `db` kept it working.
  expect(await db.queryAll('RETURN 2')).toEqual([2]);
});

test('an auth callback is asked at connect', async () => {
  let asked = 0;
  const client = await connect(url(), {
    namespace,
    database,
    auth: async () => {
      asked++;
      return ann();
    },
  });
  try {
    expect(asked).toBe(1);
    expect(await client.info()).toMatchObject({ email: 'ann@example.com' });
  } finally {
    await client.close();
  }
});

test('a record user denied a write gets a clear, typed error', async () => {
  const client = await connect(url(), { auth: ann() });
  try {
    // Record sign-in selects the access method's namespace and database.
    expect(await client.select(new RecordId('post', 'welcome'))).toMatchObject({ title: 'Welcome' });
    const denied = await client.create(new RecordId('post', 'spam'), { title: 'Spam' }).catch((caught: unknown) => caught);
    expect(denied).toBeInstanceOf(ThrownError);
    expect((denied as Error).message).toContain('record users may not publish posts');
    // Schema changes are not allowed to record users: the statement fails with kind NotAllowed.
    const [result] = await client.query('DEFINE TABLE hijack');
    expect(result?.ok).toBe(false);
    if (result?.ok === false) {
      expect(result.error).toBeInstanceOf(StatementError);
      expect(result.error.kind).toBe('NotAllowed');
      expect(result.error.cause).toBeInstanceOf(NotAllowedError);
    }
  } finally {
    await client.close();
  }
  expect(await db.select(new RecordId('post', 'spam'))).toBeUndefined();
});

test('the auth event reports sign-ins and sign-outs, never the credentials', async () => {
  const client = await connect(url(), { namespace, database });
  const events: unknown[] = [];
  client.on('auth', (event) => events.push(event));
  try {
    await client.signin(ann());
    await client.invalidate();
  } finally {
    await client.close();
  }
  expect(events).toEqual([
    { action: 'signin', session: undefined },
    { action: 'invalidate', session: undefined },
  ]);
});

test('bad auth option values fail with a TypeError naming the problem', async () => {
  await expect(connect(url(), { auth: (() => 42) as never })).rejects.toThrow(TypeError);
});
