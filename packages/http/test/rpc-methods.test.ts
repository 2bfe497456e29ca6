/**
 * Every RPC method that makes sense over stateless HTTP, against the real SurrealDB 3 engine
 * (served by the embedded server of the shared global setup). Session state (`use`, `let`) is
 * kept client-side and travels with each request.
 */
import { NotFoundError, RecordId, StatementError, Table, ThrownError, Uuid, ValidationError } from '@sdb/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotSupportedOverHttpError, type HttpClient } from '@sdb/http';
import { rejection } from '../../protocol/test-support/rejection.ts';
import { rootClient } from './support.ts';

let db: HttpClient;
let namespace: string;
let database: string;

beforeEach(async () => {
  ({ db, namespace, database } = await rootClient());
  await db.query('DEFINE TABLE person SCHEMALESS; DEFINE TABLE knows TYPE RELATION');
});

afterEach(async () => {
  await db.close();
});

const tobie = new RecordId('person', 'tobie');
const jaime = new RecordId('person', 'jaime');

describe('connection and session state', () => {
  it('ping resolves', async () => {
    await expect(db.ping()).resolves.toBeUndefined();
  });

  it('version names the engine, from GET /version', async () => {
    expect(await db.version()).toMatch(/^surrealdb-3\.\d+\.\d+/);
  });

  it('health resolves when the server is up', async () => {
    await expect(db.health()).resolves.toBeUndefined();
  });

  it('use is kept client-side and sent as headers with every request', async () => {
    expect(await db.use({ namespace: 'other_ns', database: 'other_db' })).toEqual({ namespace: 'other_ns', database: 'other_db' });
    const [ns, dbName] = await db.queryAll<[string, string]>('RETURN session::ns(); RETURN session::db()');
    expect([ns, dbName]).toEqual(['other_ns', 'other_db']);
  });

  it('use with database null unselects only the database', async () => {
    expect(await db.use({ database: null })).toEqual({ namespace, database: undefined });
  });

  it('let values are merged into every later query, call variables win', async () => {
    await db.let('min', 18);
    await db.let('label', 'from let');
    expect(await db.queryAll('RETURN $min; RETURN $label', { label: 'from call' })).toEqual([18, 'from call']);
  });

  it('unset removes a variable', async () => {
    await db.let('gone', 1);
    await db.unset('gone');
    expect(await db.queryAll('RETURN $gone')).toEqual([undefined]);
  });

  it('reset clears namespace, database and variables client-side', async () => {
    await db.let('x', 1);
    await db.reset();
    expect(db.transport.namespace).toBeUndefined();
    expect(db.transport.variables).toEqual({});
    expect(db.transport.authenticated).toBe(false);
  });
});

describe('records', () => {
  it('create with a record id answers the record', async () => {
    expect(await db.create(tobie, { name: 'Tobie' })).toEqual({ id: tobie, name: 'Tobie' });
  });

  it('create in a table answers an array with a generated id', async () => {
    const [created] = await db.create(new Table('person'), { name: 'Anon' });
    expect(created?.id).toBeInstanceOf(RecordId);
    expect((created?.id as RecordId).table).toBe('person');
  });

  it('select answers one record by id, and undefined for a missing one', async () => {
    await db.create(tobie, { name: 'Tobie' });
    expect(await db.select(tobie)).toEqual({ id: tobie, name: 'Tobie' });
    expect(await db.select(new RecordId('person', 'nobody'))).toBeUndefined();
  });

  it('insert adds many records', async () => {
    const inserted = await db.insert('person', [{ id: tobie, name: 'Tobie' }, { id: jaime, name: 'Jaime' }]);
    expect(inserted).toHaveLength(2);
    expect(await db.select('person')).toHaveLength(2);
  });

  it('update replaces content, merge adds fields, patch applies JSON Patch', async () => {
    await db.create(tobie, { name: 'Tobie', age: 1 });
    expect(await db.update(tobie, { name: 'T' })).toEqual({ id: tobie, name: 'T' });
    expect(await db.merge(tobie, { age: 2 })).toEqual({ id: tobie, name: 'T', age: 2 });
    expect(await db.patch(tobie, [{ op: 'replace', path: '/age', value: 3 }])).toEqual({ id: tobie, name: 'T', age: 3 });
  });

  it('upsert creates a missing record', async () => {
    expect(await db.upsert(jaime, { name: 'Jaime' })).toEqual({ id: jaime, name: 'Jaime' });
  });

  it('delete answers what was deleted', async () => {
    await db.create(tobie, { name: 'Tobie' });
    expect(await db.delete(tobie)).toEqual({ id: tobie, name: 'Tobie' });
    expect(await db.select('person')).toEqual([]);
  });

  it('relate and insertRelation create edges', async () => {
    await db.insert('person', [{ id: tobie }, { id: jaime }]);
    const edge = await db.relate(tobie, 'knows', jaime, { since: 2020 });
    expect(edge).toMatchObject({ in: tobie, out: jaime, since: 2020 });
    const [inserted] = await db.insertRelation('knows', { in: jaime, out: tobie });
    expect(inserted).toMatchObject({ in: jaime, out: tobie });
  });
});

describe('queries and functions', () => {
  it('query answers one result per statement, a failed statement with its own typed error', async () => {
    const [ok, failed] = await db.query('RETURN 1; THROW "boom"');
    expect(ok).toMatchObject({ ok: true, result: 1 });
    expect(failed?.ok).toBe(false);
    if (failed && !failed.ok) {
      expect(failed.error).toBeInstanceOf(StatementError);
      expect(failed.error.index).toBe(1);
      expect(failed.error.cause).toBeInstanceOf(ThrownError);
    }
  });

  it('queryAll throws the first failed statement', async () => {
    await expect(db.queryAll('RETURN 1; THROW "boom"')).rejects.toMatchObject({ name: 'StatementError', index: 1 });
  });

  it('a parse error rejects the whole call with a ValidationError', async () => {
    await expect(db.query('SELEC nonsense')).rejects.toBeInstanceOf(ValidationError);
  });

  it('run calls built-in and defined functions', async () => {
    await db.query('DEFINE FUNCTION fn::double($x: number) { RETURN $x * 2 }');
    expect(await db.run('string::len', ['four'])).toBe(4);
    expect(await db.run('fn::double', [21])).toBe(42);
  });

  it('graphql reaches the server (SurrealDB 3.0 does not serve it over RPC)', async () => {
    await expect(db.graphql('{ person { id } }')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('authentication methods', () => {
  beforeEach(async () => {
    await db.query(
      'DEFINE TABLE user SCHEMALESS PERMISSIONS FULL;' +
        'DEFINE ACCESS account ON DATABASE TYPE RECORD SIGNUP (CREATE user SET name = $name, pass = crypto::argon2::generate($pass)) ' +
        'SIGNIN (SELECT * FROM user WHERE name = $name AND crypto::argon2::compare(pass, $pass)) DURATION FOR TOKEN 1h',
    );
  });

  it('signup, then info answers the signed-up record user', async () => {
    const tokens = await db.signup({ namespace, database, access: 'account', variables: { name: 'ana', pass: 'secret-1' } });
    expect(typeof tokens.access).toBe('string');
    expect(await db.info()).toMatchObject({ name: 'ana' });
  });

  it('signin as a record user, then authenticate another client with the token', async () => {
    await db.signup({ namespace, database, access: 'account', variables: { name: 'bo', pass: 'secret-2' } });
    const { access } = await db.signin({ namespace, database, access: 'account', variables: { name: 'bo', pass: 'secret-2' } });
    const { db: other } = await rootClient();
    try {
      await other.use({ namespace, database });
      await other.authenticate(access);
      expect(await other.info()).toMatchObject({ name: 'bo' });
    } finally {
      await other.close();
    }
  });

  it('invalidate drops the token: the next query is refused', async () => {
    await db.invalidate();
    expect(db.transport.authenticated).toBe(false);
    await expect(db.query('RETURN 1')).rejects.toMatchObject({ name: 'NotAllowedError' });
  });

  it('refresh and revoke work with an access method defined WITH REFRESH', async () => {
    await db.query(
      'DEFINE ACCESS renewable ON DATABASE TYPE RECORD SIGNUP (CREATE user SET name = $name) SIGNIN (SELECT * FROM user WHERE name = $name) ' +
        'WITH REFRESH DURATION FOR TOKEN 1h',
    );
    const first = await db.signup({ namespace, database, access: 'renewable', variables: { name: 'cy' } });
    expect(first.refresh).toBeTypeOf('string');
    const second = await db.refresh(first);
    expect(second.access).not.toBe(first.access);
    await db.revoke(second);
    await expect(db.refresh(second)).rejects.toMatchObject({ name: 'NotAllowedError' });
  });
});

describe('what needs a socket', () => {
  it.each([
    ['live', () => db.live('person')],
    ['kill', () => db.kill(Uuid.v4())],
    ['attach', () => db.attach(Uuid.v4())],
    ['detach', () => db.detach(Uuid.v4())],
    ['sessions', () => db.sessions()],
    ['begin', () => db.begin()],
    ['commit', () => db.commit(Uuid.v4())],
    ['cancel', () => db.cancel(Uuid.v4())],
  ])('%s rejects with NotSupportedOverHttpError pointing to @sdb/ws', async (method, call) => {
    const error = await rejection(call());
    expect(error).toBeInstanceOf(NotSupportedOverHttpError);
    expect(error).toMatchObject({ name: 'NotSupportedOverHttpError', method });
    expect(error.message).toContain('@sdb/ws');
  });

  it('a call in a server session (the session option) is refused the same way', async () => {
    await expect(db.query('RETURN 1', undefined, { session: Uuid.v4() })).rejects.toBeInstanceOf(NotSupportedOverHttpError);
  });

  it('capabilities say stateless, no live notifications', () => {
    expect(db.transport.capabilities).toEqual({ live: false, stateful: false });
  });
});
