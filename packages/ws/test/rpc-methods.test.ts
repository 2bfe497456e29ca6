/**
 * Every RPC method through @sdb/ws against the real engine (the embedded server, or SURREALDB_URL).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RecordId, RecordIdRange, BoundIncluded, StatementError, Table, Uuid, ServerError } from '@sdb/protocol';
import { connect, type WsClient } from '../src/index.ts';
import { accountAccess } from './record-access.ts';
import { connectRoot, surrealdb, uniqueScope } from './support.ts';

let db: WsClient;
let namespace: string;
let database: string;

beforeAll(async () => {
  ({ db, namespace, database } = await connectRoot());
  await db.queryAll(`
    DEFINE TABLE person SCHEMALESS;
    DEFINE TABLE knows TYPE RELATION;
    DEFINE FUNCTION fn::greet($name: string) { RETURN 'Hello, ' + $name; };
  `);
  await db.queryAll(accountAccess({ refresh: true }));
});
afterAll(() => db.close());

const tobie = new RecordId('person', 'tobie');
const jaime = new RecordId('person', 'jaime');

describe('connection state', () => {
  test('ping resolves once the server answers', async () => {
    await expect(db.ping()).resolves.toBeUndefined();
  });

  test('version names the server', async () => {
    expect(await db.version()).toMatch(/^surrealdb-3\./);
  });

  test('use answers what is selected, and selects it', async () => {
    const other = uniqueScope('ws_use');
    expect(await db.use(other)).toEqual(other);
    expect(await db.queryAll('RETURN [session::ns(), session::db()]')).toEqual([[other.namespace, other.database]]);
    expect(await db.use({ namespace, database })).toEqual({ namespace, database });
  });

  test('let sets a variable later queries read; unset removes it', async () => {
    await db.let('min_age', 18);
    expect(await db.queryAll('RETURN $min_age')).toEqual([18]);
    await db.unset('min_age');
    expect(await db.queryAll('RETURN $min_age')).toEqual([undefined]);
  });

  test('info answers undefined for a system user', async () => {
    expect(await db.info()).toBeUndefined();
  });
});

describe('records', () => {
  test('create with an id answers the record; select reads it back', async () => {
    expect(await db.create(tobie, { name: 'Tobie', age: 30 })).toEqual({ id: tobie, name: 'Tobie', age: 30 });
    expect(await db.select(tobie)).toEqual({ id: tobie, name: 'Tobie', age: 30 });
  });

  test('create in a table generates an id', async () => {
    const [created] = await db.create(new Table('person'), { name: 'Generated' });
    expect(created?.id).toBeInstanceOf(RecordId);
    expect((created?.id as RecordId).table).toBe('person');
    await db.delete(created?.id as RecordId);
  });

  test('insert one or many rows into a table', async () => {
    const rows = await db.insert('person', [{ id: jaime, name: 'Jaime' }, { id: new RecordId('person', 'other'), name: 'Other' }]);
    expect(rows.map((row) => row.name)).toEqual(['Jaime', 'Other']);
  });

  test('update replaces content; merge adds fields; upsert creates a missing id', async () => {
    expect(await db.update(new RecordId('person', 'other'), { name: 'Replaced' })).toEqual({ id: new RecordId('person', 'other'), name: 'Replaced' });
    expect(await db.merge(new RecordId('person', 'other'), { tag: 'x' })).toEqual({ id: new RecordId('person', 'other'), name: 'Replaced', tag: 'x' });
    const fresh = new RecordId('person', 'upserted');
    expect(await db.upsert(fresh, { name: 'Up' })).toEqual({ id: fresh, name: 'Up' });
  });

  test('patch applies JSON Patch operations, or answers the diff', async () => {
    expect(await db.patch(tobie, [{ op: 'replace', path: '/age', value: 31 }])).toEqual({ id: tobie, name: 'Tobie', age: 31 });
    const diff = await db.patch(tobie, [{ op: 'add', path: '/city', value: 'London' }], { diff: true });
    expect(diff).toEqual([{ op: 'add', path: '/city', value: 'London' }]);
  });

  test('select over a range of ids', async () => {
    const range = new RecordIdRange('person', new BoundIncluded('a'), new BoundIncluded('k'));
    const rows = await db.select(range);
    expect(rows.map((row) => (row.id as RecordId).id).sort()).toEqual(['jaime']);
  });

  test('relate links two records; insertRelation inserts edges', async () => {
    const edge = await db.relate(tobie, 'knows', jaime, { since: 2020 });
    expect(edge).toMatchObject({ in: tobie, out: jaime, since: 2020 });
    const [inserted] = await db.insertRelation('knows', { in: jaime, out: tobie, since: 2021 });
    expect(inserted).toMatchObject({ in: jaime, out: tobie, since: 2021 });
    expect(await db.queryAll('SELECT VALUE ->knows->person FROM ONLY $who', { who: tobie })).toEqual([[jaime]]);
  });

  test('delete answers what it deleted, and it is gone', async () => {
    const fresh = new RecordId('person', 'upserted');
    expect(await db.delete(fresh)).toEqual({ id: fresh, name: 'Up' });
    expect(await db.select(fresh)).toBeUndefined();
  });
});

describe('queries and functions', () => {
  test('query answers one result per statement, with bound values', async () => {
    const results = await db.query('RETURN $a; RETURN $a + 1', { a: 1 });
    expect(results.map((statement) => statement.ok && statement.result)).toEqual([1, 2]);
  });

  test('a failed statement is its own typed error, with its index; the others still answer', async () => {
    const results = await db.query('RETURN 1; THROW "boom"; RETURN 3');
    expect(results[0]).toMatchObject({ ok: true, result: 1 });
    expect(results[2]).toMatchObject({ ok: true, result: 3 });
    const failed = results[1];
    expect(failed?.ok).toBe(false);
    if (failed?.ok === false) {
      expect(failed.error).toBeInstanceOf(StatementError);
      expect(failed.error.index).toBe(1);
      expect(failed.error.kind).toBe('Thrown');
      expect(failed.error.message).toContain('boom');
    }
    await expect(db.queryAll('RETURN 1; THROW "boom"')).rejects.toThrow(StatementError);
  });

  test('run calls a defined function and a built-in', async () => {
    expect(await db.run('fn::greet', ['Tobie'])).toBe('Hello, Tobie');
    expect(await db.run('string::len', ['four'])).toBe(4);
  });

  test('graphql is refused with a typed server error by SurrealDB 3.0 over RPC', async () => {
    await expect(db.graphql({ query: '{ person { name } }' })).rejects.toBeInstanceOf(ServerError);
  });
});

describe('live queries', () => {
  test('live answers a subscription that sees changes; kill ends it', async () => {
    const subscription = await db.live('person');
    expect(subscription.id).toBeInstanceOf(Uuid);
    await db.create(new RecordId('person', 'live1'), { name: 'Live' });
    const iterator = subscription[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value).toMatchObject({ action: 'CREATE', record: new RecordId('person', 'live1'), result: { name: 'Live' } });
    await subscription.kill();
    expect(subscription.closed).toBe(true);
    expect((await iterator.next()).done).toBe(true);
  });

  test('kill of an unknown live query is a typed server error', async () => {
    await expect(db.kill(Uuid.v4())).rejects.toBeInstanceOf(ServerError);
  });
});

describe('sessions and transactions', () => {
  test('attach, sessions, detach', async () => {
    const id = Uuid.v4();
    await db.attach(id);
    expect((await db.sessions()).map((session) => session.toJSON())).toContain(id.toJSON());
    await db.detach(id);
    expect((await db.sessions()).map((session) => session.toJSON())).not.toContain(id.toJSON());
  });

  test('begin, a write in the transaction, commit: it stays', async () => {
    const txn = await db.begin();
    await db.create(new RecordId('person', 'committed'), { ok: true }, { txn });
    await db.commit(txn);
    expect(await db.select(new RecordId('person', 'committed'))).toEqual({ id: new RecordId('person', 'committed'), ok: true });
  });

  test('begin, a write, cancel: nothing remains', async () => {
    const txn = await db.begin();
    await db.create(new RecordId('person', 'cancelled'), { ok: false }, { txn });
    await db.cancel(txn);
    expect(await db.select(new RecordId('person', 'cancelled'))).toBeUndefined();
  });

  test('a call in a transaction that does not exist is a typed error', async () => {
    const attempt = db.create(new RecordId('person', 'ghost'), {}, { txn: Uuid.v4() });
    await expect(attempt).rejects.toBeInstanceOf(ServerError);
    await expect(attempt).rejects.toThrow(/transaction not found/i);
  });
});

describe('authentication methods', () => {
  const credentials = () => ({ namespace, database, access: 'account', variables: { email: 'rpc@example.com', pass: 'secret-pass' } });

  test('signup, info, signin, authenticate, refresh, revoke, invalidate, reset', async () => {
    const user = await connect(surrealdb().url, { namespace, database });
    try {
      const signedUp = await user.signup(credentials());
      expect(typeof signedUp.access).toBe('string');
      expect(typeof signedUp.refresh).toBe('string');
      expect(await user.info()).toMatchObject({ email: 'rpc@example.com' });

      const signedIn = await user.signin(credentials());
      await user.invalidate();
      expect(await user.info()).toBeUndefined();

      await user.authenticate(signedIn.access);
      // invalidate also unselected the namespace and database.
      await user.use({ namespace, database });
      expect(await user.info()).toMatchObject({ email: 'rpc@example.com' });

      const refreshed = await user.refresh(signedIn);
      expect(refreshed.refresh).not.toBe(signedIn.refresh);
      // The old refresh token was revoked by the exchange.
      await expect(user.refresh(signedIn)).rejects.toBeInstanceOf(ServerError);
      await user.revoke(refreshed);
      await expect(user.refresh(refreshed)).rejects.toBeInstanceOf(ServerError);

      await user.reset();
      // reset signed out and unselected the namespace and database.
      await expect(user.info()).rejects.toThrow(/namespace/);
      await user.use({ namespace, database });
      expect(await user.info()).toBeUndefined();
    } finally {
      await user.close();
    }
  });
});
