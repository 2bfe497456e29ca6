/**
 * `RpcClient` (from @sdb/protocol) against the real SurrealDB 3.0.2 engine, in-process: every RPC
 * method, and the error kinds the engine really answers, mapped to their `ServerError` subclass.
 */
import {
  AlreadyExistsError,
  InternalError,
  NotAllowedError,
  NotFoundError,
  QueryError,
  RecordId,
  RpcClient,
  ServerError,
  StatementError,
  Table,
  ThrownError,
  Uuid,
  ValidationError,
  type LiveNotification,
} from '@sdb/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejection } from '../../protocol/test-support/rejection.ts';
import { connectTestClient, type TestClient } from '../test-support/index.ts';

let test: TestClient;
let db: RpcClient;

beforeEach(async () => {
  test = await connectTestClient('rpc');
  db = test.client;
});

afterEach(async () => {
  await test.close();
});

const tobie = new RecordId('person', 'tobie');

describe('connection and session state', () => {
  it('ping resolves', async () => {
    await expect(db.ping()).resolves.toBeUndefined();
  });

  it('version names the engine', async () => {
    expect(await db.version()).toMatch(/^surrealdb-3\.\d+\.\d+/);
  });

  it('use selects a namespace and database and answers them', async () => {
    expect(await db.use({ namespace: 'other_ns', database: 'other_db' })).toEqual({ namespace: 'other_ns', database: 'other_db' });
  });

  it('use with database null unselects the database only', async () => {
    expect(await db.use({ database: null })).toEqual({ namespace: test.namespace, database: undefined });
  });

  it('let sets a variable later queries read, unset removes it', async () => {
    await db.let('min', 18);
    expect(await db.queryAll<[number]>('RETURN $min')).toEqual([18]);
    await db.unset('min');
    expect(await db.queryAll<[unknown]>('RETURN $min')).toEqual([undefined]);
  });

  it('let refuses a protected variable with a ValidationError', async () => {
    const error = await rejection(db.let('auth', 1));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).reason).toBe('InvalidParams');
  });

  it('reset clears the session: variables and the selected namespace are gone', async () => {
    await db.let('min', 18);
    await db.reset();
    const error = await rejection(db.info());
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe('Specify a namespace to use');
    await db.use({ namespace: test.namespace, database: test.database });
    expect(await db.queryAll<[unknown]>('RETURN $min')).toEqual([undefined]);
  });
});

describe('records', () => {
  it('create with a record id answers that one record', async () => {
    expect(await db.create(tobie, { name: 'Tobie' })).toEqual({ id: tobie, name: 'Tobie' });
  });

  it('create on a table (a string is a table name) answers an array with a generated id', async () => {
    const [created] = await db.create<{ id: RecordId; name: string }>('person', { name: 'Jaime' });
    expect(created?.id).toBeInstanceOf(RecordId);
    expect(created?.id.table).toBe('person');
    expect(created?.name).toBe('Jaime');
  });

  it('creating a record that exists is an AlreadyExistsError naming the record', async () => {
    await db.create(tobie, { name: 'Tobie' });
    const error = await rejection(db.create(tobie, { name: 'again' }));
    expect(error).toBeInstanceOf(AlreadyExistsError);
    expect((error as ServerError).kind).toBe('AlreadyExists');
    expect((error as ServerError).details).toEqual({ kind: 'Record', details: { id: 'person:tobie' } });
  });

  it('select answers one record by id, undefined for a missing id, and every record of a table', async () => {
    await db.create(tobie, { name: 'Tobie' });
    expect(await db.select(tobie)).toEqual({ id: tobie, name: 'Tobie' });
    expect(await db.select(new RecordId('person', 'nobody'))).toBeUndefined();
    expect(await db.select(new Table('person'))).toEqual([{ id: tobie, name: 'Tobie' }]);
  });

  it('select on a table that does not exist is a NotFoundError with reason Table', async () => {
    const error = await rejection(db.select('nosuch'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).reason).toBe('Table');
    expect(error.message).toBe("The table 'nosuch' does not exist");
  });

  it('insert adds many records to a table', async () => {
    const inserted = await db.insert('person', [{ id: 'a', n: 1 }, { id: 'b', n: 2 }]);
    expect(inserted).toEqual([
      { id: new RecordId('person', 'a'), n: 1 },
      { id: new RecordId('person', 'b'), n: 2 },
    ]);
  });

  it('insert with no table takes the ids from the data', async () => {
    expect(await db.insert(null, { id: tobie, n: 1 })).toEqual([{ id: tobie, n: 1 }]);
  });

  it('update replaces the content of a record that exists, and answers undefined for one that does not', async () => {
    await db.create(tobie, { name: 'Tobie', age: 30 });
    expect(await db.update(tobie, { name: 'T' })).toEqual({ id: tobie, name: 'T' });
    expect(await db.update(new RecordId('person', 'nobody'), { name: 'x' })).toBeUndefined();
  });

  it('upsert creates a record that does not exist', async () => {
    expect(await db.upsert(tobie, { name: 'Tobie' })).toEqual({ id: tobie, name: 'Tobie' });
  });

  it('merge adds fields and keeps the others', async () => {
    await db.create(tobie, { name: 'Tobie' });
    expect(await db.merge(tobie, { age: 30 })).toEqual({ id: tobie, name: 'Tobie', age: 30 });
  });

  it('patch applies JSON Patch operations, and with diff answers the applied patches', async () => {
    await db.create(tobie, { name: 'Tobie', age: 30 });
    expect(await db.patch(tobie, [{ op: 'replace', path: '/age', value: 31 }])).toEqual({ id: tobie, name: 'Tobie', age: 31 });
    expect(await db.patch(tobie, [{ op: 'replace', path: '/age', value: 32 }], { diff: true })).toEqual([
      { op: 'replace', path: '/age', value: 32 },
    ]);
  });

  it('delete answers the deleted record and leaves nothing behind', async () => {
    await db.create(tobie, { name: 'Tobie' });
    expect(await db.delete(tobie)).toEqual({ id: tobie, name: 'Tobie' });
    expect(await db.select(tobie)).toBeUndefined();
  });

  it('relate makes one edge between two records', async () => {
    const jaime = new RecordId('person', 'jaime');
    await db.insert('person', [{ id: 'tobie' }, { id: 'jaime' }]);
    const edge = await db.relate<{ id: RecordId; in: RecordId; out: RecordId; since: number }>(tobie, 'knows', jaime, { since: 2020 });
    expect(edge.id.table).toBe('knows');
    expect(edge).toMatchObject({ in: tobie, out: jaime, since: 2020 });
  });

  it('insertRelation inserts edges given by in and out', async () => {
    const jaime = new RecordId('person', 'jaime');
    await db.insert('person', [{ id: 'tobie' }, { id: 'jaime' }]);
    const [edge] = await db.insertRelation('knows', { in: jaime, out: tobie });
    expect(edge).toMatchObject({ in: jaime, out: tobie });
  });
});

describe('query', () => {
  it('answers one result per statement; a failed statement does not fail the others', async () => {
    const results = await db.query('RETURN 1; THROW "nope"; RETURN 3');
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[0]).toMatchObject({ ok: true, result: 1 });
    expect(results[2]).toMatchObject({ ok: true, result: 3 });
    const failed = results[1];
    if (failed?.ok !== false) throw new Error('statement 1 should have failed');
    expect(failed.error).toBeInstanceOf(StatementError);
    expect(failed.error.index).toBe(1);
    expect(failed.error.kind).toBe('Thrown');
    expect(failed.error.cause).toBeInstanceOf(ThrownError);
    expect(failed.error.message).toBe('An error occurred: nope');
    expect(failed.time).toMatch(/s$/);
  });

  it('binds variables as parameters', async () => {
    expect(await db.queryAll<[string]>('RETURN $name', { name: "Robert'); DROP TABLE x; --" })).toEqual(["Robert'); DROP TABLE x; --"]);
  });

  it('takes a compiled query with its bindings, with extra vars merged over them', async () => {
    expect(await db.queryAll<[number[]]>({ query: 'RETURN [$a, $b]', bindings: { a: 1, b: 2 } }, { b: 3 })).toEqual([[1, 3]]);
  });

  it('queryAll throws the first failed statement as a StatementError with its index and kind', async () => {
    await db.create(tobie, {});
    const error = await rejection(db.queryAll('RETURN 1; CREATE person:tobie; THROW "later"'));
    expect(error).toBeInstanceOf(StatementError);
    expect((error as StatementError).index).toBe(1);
    expect((error as StatementError).kind).toBe('AlreadyExists');
    expect(error.cause).toBeInstanceOf(AlreadyExistsError);
  });

  it('statements of a failed transaction fail with kind Query (NotExecuted)', async () => {
    const results = await db.query('BEGIN; CREATE person:a; THROW "stop"; COMMIT');
    const notExecuted = results.find((r) => !r.ok && r.error.kind === 'Query');
    if (notExecuted?.ok !== false) throw new Error('expected a statement that was not executed');
    expect(notExecuted.error.cause).toBeInstanceOf(QueryError);
    expect((notExecuted.error.cause as QueryError).reason).toBe('NotExecuted');
  });

  it('a statement over its TIMEOUT fails with kind Query (TimedOut)', async () => {
    await db.create(tobie, {});
    const [result] = await db.query('SELECT * FROM person WHERE sleep(200ms) = NONE TIMEOUT 10ms');
    if (result?.ok !== false) throw new Error('expected a timeout');
    expect(result.error.kind).toBe('Query');
    expect((result.error.cause as QueryError).reason).toBe('TimedOut');
  });

  it('a syntax error rejects the whole call with a ValidationError', async () => {
    const error = await rejection(db.query('SELECT * FORM person'));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/^Parse error/);
  });
});

describe('functions', () => {
  it('run calls a built-in function with arguments', async () => {
    expect(await db.run('string::len', ['abcd'])).toBe(4);
  });

  it('run calls a defined function', async () => {
    await db.queryAll('DEFINE FUNCTION fn::greet($name: string) { RETURN "Hello, " + $name }');
    expect(await db.run('fn::greet', ['Tobie'])).toBe('Hello, Tobie');
  });

  it('a THROW inside a function is a ThrownError with code -32006', async () => {
    await db.queryAll('DEFINE FUNCTION fn::boom() { THROW "kaboom" }');
    const error = await rejection(db.run('fn::boom'));
    expect(error).toBeInstanceOf(ThrownError);
    expect((error as ThrownError).code).toBe(-32006);
    expect(error.message).toBe('An error occurred: kaboom');
  });

  it('an undefined function is an InternalError', async () => {
    const error = await rejection(db.run('fn::missing'));
    expect(error).toBeInstanceOf(InternalError);
    expect(error.message).toMatch(/fn::missing/);
  });

  it('graphql is not an RPC method of SurrealDB 3.0: NotFoundError with reason Method', async () => {
    const error = await rejection(db.graphql('{ person { id } }'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).code).toBe(-32601);
    expect((error as NotFoundError).reason).toBe('Method');
  });
});

describe('live queries', () => {
  it('live answers an id; changes arrive as notifications; kill ends them with KILLED', async () => {
    await db.queryAll('DEFINE TABLE person');
    const seen: LiveNotification[] = [];
    test.transport.onNotification((notification) => seen.push(notification));
    const id = await db.live('person');
    expect(id).toBeInstanceOf(Uuid);
    await db.create(tobie, { name: 'Tobie' });
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]).toMatchObject({ action: 'CREATE', record: tobie, result: { id: tobie, name: 'Tobie' } });
    expect(seen[0]?.id.equals(id)).toBe(true);
    await db.kill(id);
    await expect.poll(() => seen.map((n) => n.action)).toEqual(['CREATE', 'KILLED']);
  });

  it('live on a table that does not exist is a NotFoundError', async () => {
    expect(await rejection(db.live('nosuch'))).toBeInstanceOf(NotFoundError);
  });

  it('kill of an unknown live query id is an InternalError', async () => {
    expect(await rejection(db.kill(Uuid.v4()))).toBeInstanceOf(InternalError);
  });
});

describe('sessions (SurrealDB 3)', () => {
  it('attach creates a session with its own state; sessions lists it; detach ends it', async () => {
    const session = Uuid.v4();
    await db.attach(session);
    expect((await db.sessions()).map(String)).toEqual([session.toString()]);
    await db.use({ namespace: 'elsewhere', database: 'other' }, { session });
    await db.let('where', 'session', { session });
    expect(await db.queryAll<[string]>('RETURN $where', undefined, { session })).toEqual(['session']);
    expect(await db.queryAll<[unknown]>('RETURN $where')).toEqual([undefined]);
    await db.detach(session);
    expect(await db.sessions()).toEqual([]);
  });

  it('attaching the same session twice is an AlreadyExistsError with reason Session', async () => {
    const session = Uuid.v4();
    await db.attach(session);
    const error = await rejection(db.attach(session));
    expect(error).toBeInstanceOf(AlreadyExistsError);
    expect((error as AlreadyExistsError).reason).toBe('Session');
  });

  it('a call in a session that does not exist is a NotFoundError with reason Session', async () => {
    const error = await rejection(db.use({ namespace: 'x' }, { session: Uuid.v4() }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).reason).toBe('Session');
  });
});

describe('transactions (SurrealDB 3)', () => {
  it('writes in a transaction are invisible outside it until commit', async () => {
    await db.queryAll('DEFINE TABLE person');
    const txn = await db.begin();
    expect(txn).toBeInstanceOf(Uuid);
    await db.create(tobie, { name: 'Tobie' }, { txn });
    expect(await db.select('person', { txn })).toHaveLength(1);
    expect(await db.select('person')).toEqual([]);
    await db.commit(txn);
    expect(await db.select('person')).toEqual([{ id: tobie, name: 'Tobie' }]);
  });

  it('cancel leaves nothing of what the transaction wrote', async () => {
    await db.queryAll('DEFINE TABLE person');
    const txn = await db.begin();
    await db.create(tobie, { name: 'Tobie' }, { txn });
    await db.cancel(txn);
    expect(await db.select('person')).toEqual([]);
  });

  it('committing a transaction that is gone is a ValidationError', async () => {
    const txn = await db.begin();
    await db.commit(txn);
    const error = await rejection(db.commit(txn));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe('Transaction not found');
  });
});

describe('authentication', () => {
  const access = (variables: Record<string, unknown>) => ({ namespace: test.namespace, database: test.database, access: 'account', variables });

  beforeEach(async () => {
    await db.queryAll(`
      DEFINE USER root ON ROOT PASSWORD "root-secret" ROLES OWNER;
      DEFINE USER viewer ON DATABASE PASSWORD "viewer-secret" ROLES VIEWER;
      DEFINE TABLE user PERMISSIONS FOR select WHERE id = $auth.id;
      DEFINE ACCESS account ON DATABASE TYPE RECORD
        SIGNUP (CREATE user SET email = $email, pass = crypto::argon2::generate($pass))
        SIGNIN (SELECT * FROM user WHERE email = $email AND crypto::argon2::compare(pass, $pass))
        WITH REFRESH DURATION FOR TOKEN 1h, FOR SESSION 1h;
    `);
  });

  it('signin as a root user answers an access token', async () => {
    const tokens = await db.signin({ username: 'root', password: 'root-secret' });
    expect(tokens.access.split('.')).toHaveLength(3);
    expect(tokens.refresh).toBeUndefined();
  });

  it('a wrong password is a NotAllowedError (Auth/InvalidAuth) whose message does not contain the password', async () => {
    const error = await rejection(db.signin({ username: 'root', password: 'hunter2-wrong' }));
    expect(error).toBeInstanceOf(NotAllowedError);
    expect((error as NotAllowedError).code).toBe(-32002);
    expect((error as NotAllowedError).authReason).toBe('InvalidAuth');
    expect(`${error.message} ${error.stack}`).not.toContain('hunter2-wrong');
  });

  it('signup through a record access method signs the session in as the new record', async () => {
    const tokens = await db.signup(access({ email: 'tobie@example.com', pass: 'pw-12345' }));
    expect(tokens.access).toBeTypeOf('string');
    expect(tokens.refresh).toBeTypeOf('string');
    const me = await db.info<{ email: string }>();
    expect(me?.email).toBe('tobie@example.com');
  });

  it('authenticate with a token signs another session in as the same user', async () => {
    const tokens = await db.signup(access({ email: 'tobie@example.com', pass: 'pw-12345' }));
    const session = Uuid.v4();
    await db.attach(session);
    await db.authenticate(tokens.access, { session });
    expect((await db.info<{ email: string }>({ session }))?.email).toBe('tobie@example.com');
  });

  it('refresh exchanges the pair for a new one; the old refresh token stops working', async () => {
    const first = await db.signup(access({ email: 'tobie@example.com', pass: 'pw-12345' }));
    const second = await db.refresh(first);
    expect(second.refresh).toBeTypeOf('string');
    expect(second.refresh).not.toBe(first.refresh);
    const error = await rejection(db.refresh(first));
    expect(error).toBeInstanceOf(NotAllowedError);
    expect(`${error.message} ${error.stack}`).not.toContain(first.refresh);
  });

  it('revoke makes a refresh token unusable', async () => {
    const tokens = await db.signup(access({ email: 'tobie@example.com', pass: 'pw-12345' }));
    await db.revoke(tokens);
    expect(await rejection(db.refresh(tokens))).toBeInstanceOf(NotAllowedError);
  });

  it('signin with a refresh token (record access WITH REFRESH) answers a new pair', async () => {
    const first = await db.signup(access({ email: 'tobie@example.com', pass: 'pw-12345' }));
    const second = await db.signin({ namespace: test.namespace, database: test.database, access: 'account', refresh: first.refresh ?? '' });
    expect(second.access).toBeTypeOf('string');
    expect(second.refresh).toBeTypeOf('string');
    expect((await db.info<{ email: string }>())?.email).toBe('tobie@example.com');
  });

  it('signin with a bearer key (TYPE BEARER access) signs in as the user it was granted to', async () => {
    const [, granted] = await db.queryAll<[unknown, { grant: { key: string } }]>(`
      DEFINE ACCESS api ON DATABASE TYPE BEARER FOR USER;
      ACCESS api ON DATABASE GRANT FOR USER viewer;
    `);
    const tokens = await db.signin({ namespace: test.namespace, database: test.database, access: 'api', key: granted.grant.key });
    expect(tokens.access.split('.')).toHaveLength(3);
    const [denied] = await db.query('DEFINE TABLE secret');
    expect(denied?.ok).toBe(false);
  });

  it('invalidate signs the session out', async () => {
    await db.signup(access({ email: 'tobie@example.com', pass: 'pw-12345' }));
    await db.invalidate();
    expect(await db.info()).toBeUndefined();
  });

  it('a viewer may not define a table: the statement fails with kind NotAllowed (Auth/NotAllowed)', async () => {
    const session = Uuid.v4();
    await db.attach(session);
    await db.signin({ namespace: test.namespace, database: test.database, username: 'viewer', password: 'viewer-secret' }, { session });
    const [result] = await db.query('DEFINE TABLE secret', undefined, { session });
    if (result?.ok !== false) throw new Error('a viewer should not be able to define a table');
    expect(result.error.kind).toBe('NotAllowed');
    expect(result.error.cause).toBeInstanceOf(NotAllowedError);
    expect((result.error.cause as NotAllowedError).authReason).toBe('NotAllowed');
  });
});

describe('protocol errors', () => {
  it('an unknown method is a NotFoundError with code -32601', async () => {
    const error = await rejection(test.transport.call('no_such_method', []));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).code).toBe(-32601);
  });

  it('missing params are a ValidationError with reason InvalidParams', async () => {
    const error = await rejection(test.transport.call('select', []));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).reason).toBe('InvalidParams');
  });
});
