/**
 * Extra server sessions on one socket (SurrealDB 3 `attach`): each with its own namespace,
 * database, variables and authentication; `close()` and `await using` detach.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import WebSocket from 'ws';
import { RecordId, SessionClosedError } from '@sdb/protocol';
import type { WsClient, WsSession } from '../src/index.ts';
import { accountAccess } from './record-access.ts';
import { connectRoot, surrealdb, uniqueScope } from './support.ts';

let db: WsClient;
let namespace: string;
let database: string;
const root = () => ({ username: surrealdb().user, password: surrealdb().pass });

beforeAll(async () => {
  ({ db, namespace, database } = await connectRoot());
  await db.queryAll(accountAccess());
});
afterAll(() => db.close());

test('a session selects its own namespace and database; the client keeps its own', async () => {
  const elsewhere = uniqueScope('ws_session');
  const session = await db.session({ ...elsewhere, auth: root() });
  try {
    expect(await session.queryAll('RETURN [session::ns(), session::db()]')).toEqual([[elsewhere.namespace, elsewhere.database]]);
    expect(await db.queryAll('RETURN [session::ns(), session::db()]')).toEqual([[namespace, database]]);
  } finally {
    await session.close();
  }
});

test('variables are per session', async () => {
  const session = await db.session({ namespace, database, auth: root() });
  try {
    await session.let('who', 'session');
    await db.let('who', 'client');
    expect(await session.queryAll('RETURN $who')).toEqual(['session']);
    expect(await db.queryAll('RETURN $who')).toEqual(['client']);
  } finally {
    await session.close();
  }
});

test('a session can be a record user while the client stays root', async () => {
  const session = await db.session({ namespace, database });
  try {
    await session.signup({ namespace, database, access: 'account', variables: { email: 's@example.com', pass: 'pw-1' } });
    expect(await session.info()).toMatchObject({ email: 's@example.com' });
    expect(await db.info()).toBeUndefined();
    await db.create(new RecordId('secret', 1), { v: 1 });
    // The record user sees nothing of a table without permissions; root sees the record.
    expect(await session.queryAll('SELECT * FROM secret')).toEqual([[]]);
    expect(await db.select(new RecordId('secret', 1))).toEqual({ id: new RecordId('secret', 1), v: 1 });
  } finally {
    await session.close();
  }
});

test('close detaches: the server no longer lists the session, and its calls fail typed', async () => {
  const session = await db.session({ namespace, database, auth: root() });
  const id = session.sessionId.toJSON();
  expect((await db.sessions()).map((each) => each.toJSON())).toContain(id);
  await session.close();
  expect(session.closed).toBe(true);
  expect((await db.sessions()).map((each) => each.toJSON())).not.toContain(id);
  // close is idempotent.
  await session.close();
});

test('await using detaches at the end of the block', async () => {
  let id: string;
  {
    await using session = await db.session({ namespace, database, auth: root() });
    id = session.sessionId.toJSON();
    expect(await session.queryAll('RETURN 1')).toEqual([1]);
  }
  expect((await db.sessions()).map((each) => each.toJSON())).not.toContain(id);
});

test('a call in a closed session rejects client-side with SessionClosedError, sending no frame', async () => {
  let frames = 0;
  class CountingWebSocket extends WebSocket {
    override send(data: Uint8Array): void {
      frames++;
      super.send(data);
    }
  }
  const { db: counted, namespace: ns, database: dbName } = await connectRoot({ WebSocket: CountingWebSocket });
  try {
    const session = await counted.session({ namespace: ns, database: dbName, auth: root() });
    await session.close();
    const before = frames;
    const error = await session.queryAll('RETURN 1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SessionClosedError);
    expect((error as Error).message).toBe(`query: session ${session.sessionId.toJSON()} is closed`);
    expect(frames).toBe(before);
  } finally {
    await counted.close();
  }
});

test('a session used after its await using block: SessionClosedError for calls, live queries and transactions', async () => {
  let escaped: WsSession;
  {
    await using session = await db.session({ namespace, database, auth: root() });
    escaped = session;
  }
  await expect(escaped.select('anything')).rejects.toBeInstanceOf(SessionClosedError);
  await expect(escaped.live('anything')).rejects.toBeInstanceOf(SessionClosedError);
  await expect(escaped.transaction(async (tx) => tx.ping())).rejects.toBeInstanceOf(SessionClosedError);
});

test('a session that cannot authenticate is not left attached', async () => {
  const before = (await db.sessions()).length;
  await expect(db.session({ namespace, database, auth: { username: 'root', password: 'wrong-pass-x' } })).rejects.toThrow(/authentication/);
  expect((await db.sessions()).length).toBe(before);
});
