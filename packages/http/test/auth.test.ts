/**
 * Authentication over stateless HTTP: the client signs in once and sends the token with every
 * request; when the token expires or the server rejects it, the client signs in again with the
 * stored credentials (or asks the auth callback) and retries once. Secrets never show in errors.
 */
import { ConnectionError, NotAllowedError, StatementError } from '@sdb/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, type HttpClient, type RequestDiagnostic } from '@sdb/http';
import { rejection } from '../../protocol/test-support/rejection.ts';
import { rootClient, surrealdb } from './support.ts';

let root: HttpClient;
let namespace: string;
let database: string;
const opened: HttpClient[] = [];

beforeEach(async () => {
  ({ db: root, namespace, database } = await rootClient());
  opened.push(root);
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});

async function open(...args: Parameters<typeof connect>): Promise<HttpClient> {
  const db = await connect(...args);
  opened.push(db);
  return db;
}

/**
 * A database user whose tokens last one second (the server allows its own leeway past `exp`; the
 * client renews as soon as `exp` has passed). DEFINE USER takes only a literal password: these are
 * test constants.
 */
async function defineShortLivedUser(name: string, password: string): Promise<void> {
  await root.queryAll(`DEFINE USER ${name} ON DATABASE PASSWORD '${password}' ROLES OWNER DURATION FOR TOKEN 1s`);
}

/** Waits out the one-second tokens of `defineShortLivedUser`. */
const waitForTokenExpiry = () => new Promise((resolve) => setTimeout(resolve, 1100));

/** A client whose auth callback signs in as `username`; `calls()` says how often the client asked it. */
async function openWithAuthCallback(username: string, password: string): Promise<{ db: HttpClient; calls: () => number }> {
  let calls = 0;
  const db = await open(surrealdb().httpUrl, {
    namespace,
    database,
    auth: () => {
      calls++;
      return { namespace, database, username, password };
    },
  });
  return { db, calls: () => calls };
}

/** The `account` record access, after `DEFINE ACCESS [OVERWRITE]`: record users sign up with a name and a password. */
const ACCOUNT_ACCESS =
  'account ON DATABASE TYPE RECORD ' +
  'SIGNUP (CREATE user SET name = $name, pass = crypto::argon2::generate($pass)) ' +
  'SIGNIN (SELECT * FROM user WHERE name = $name AND crypto::argon2::compare(pass, $pass)) DURATION FOR TOKEN 1h';

const rotateAccountKey = () =>
  // Redefining the access method gives it a new signing key: every token it issued is now invalid.
  root.queryAll(`DEFINE ACCESS OVERWRITE ${ACCOUNT_ACCESS}`);

/**
 * Defines the `account` access (users may read only themselves; items are read-only to them),
 * then signs up the record user `name` (password `<name>-pass`) on a new client.
 */
async function signUpRecordUser(name: string): Promise<{ db: HttpClient; access: string }> {
  await root.query(
    'DEFINE TABLE user SCHEMALESS PERMISSIONS FOR select, update WHERE id = $auth.id;' +
      'DEFINE TABLE item SCHEMALESS PERMISSIONS FOR select FULL FOR create, update, delete NONE;' +
      `DEFINE ACCESS ${ACCOUNT_ACCESS}`,
  );
  const db = await open(surrealdb().httpUrl, { namespace, database });
  const { access } = await db.signup({ namespace, database, access: 'account', variables: { name, pass: `${name}-pass` } });
  return { db, access };
}

describe('signing in at connect', () => {
  it('root credentials: queries run as root', async () => {
    const server = surrealdb();
    const db = await open(server.httpUrl, { namespace, database, auth: { username: server.user, password: server.pass } });
    expect(await db.queryAll('RETURN $auth.id ?? "root"; RETURN session::ns()')).toEqual(['root', namespace]);
  });

  it('a wrong password rejects with NotAllowedError, and the password is in no message', async () => {
    const server = surrealdb();
    const error = await rejection(connect(server.httpUrl, { namespace, database, auth: { username: server.user, password: 'hunter2-wrong' } }));
    expect(error).toBeInstanceOf(NotAllowedError);
    expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toContain('hunter2-wrong');
  });

  it('a token: the client authenticates with it', async () => {
    await defineShortLivedUser('reader', 'reader-pass');
    const signer = await open(surrealdb().httpUrl, { namespace, database });
    const { access } = await signer.signin({ namespace, database, username: 'reader', password: 'reader-pass' });
    const db = await open(surrealdb().httpUrl, { namespace, database, auth: access });
    expect(await db.queryAll('RETURN $token.ID')).toEqual(['reader']);
  });

  it('an async callback: called at connect', async () => {
    const server = surrealdb();
    let calls = 0;
    const db = await open(server.httpUrl, {
      namespace,
      database,
      auth: async () => {
        calls++;
        return { username: server.user, password: server.pass };
      },
    });
    expect(calls).toBe(1);
    expect(await db.queryAll('RETURN 1')).toEqual([1]);
  });

  it('no auth: guests may ping but not query', async () => {
    const db = await open(surrealdb().httpUrl, { namespace, database });
    await expect(db.ping()).resolves.toBeUndefined();
    await expect(db.query('RETURN 1')).rejects.toBeInstanceOf(NotAllowedError);
  });

  it('a server that is not there rejects connect with ConnectionError, quickly', async () => {
    const started = Date.now();
    await expect(connect('http://127.0.0.1:9', { timeout: 5000 })).rejects.toBeInstanceOf(ConnectionError);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('credentials in the URL are refused with a TypeError (they would leak into logs)', async () => {
    await expect(connect('http://root:root@127.0.0.1:8000')).rejects.toThrow(TypeError);
  });

  it('a URL that is not http(s) or ws(s) is refused with a TypeError', async () => {
    await expect(connect('ftp://127.0.0.1')).rejects.toThrow(TypeError);
    await expect(connect('not a url')).rejects.toThrow(TypeError);
  });
});

describe('token renewal', () => {
  it('an expired token is replaced by signing in again with the stored credentials', async () => {
    await defineShortLivedUser('brief', 'brief-pass');
    const db = await open(surrealdb().httpUrl, { namespace, database, auth: { namespace, database, username: 'brief', password: 'brief-pass' } });
    const [first] = await db.queryAll<[string]>('RETURN $token.jti');
    await waitForTokenExpiry();
    const [second] = await db.queryAll<[string]>('RETURN $token.jti');
    expect(second).toBeTypeOf('string');
    expect(second).not.toBe(first);
  });

  it('an expired token is replaced through the auth callback when one was given', async () => {
    await defineShortLivedUser('cb', 'cb-pass');
    const { db, calls } = await openWithAuthCallback('cb', 'cb-pass');
    await waitForTokenExpiry();
    expect(await db.queryAll('RETURN $token.ID')).toEqual(['cb']);
    expect(calls()).toBe(2);
  });

  it('an explicit signin replaces the auth callback: renewal keeps the identity chosen last', async () => {
    await defineShortLivedUser('first', 'first-pass');
    await defineShortLivedUser('second', 'second-pass');
    const { db, calls } = await openWithAuthCallback('first', 'first-pass');
    await db.signin({ namespace, database, username: 'second', password: 'second-pass' });
    await waitForTokenExpiry();
    expect(await db.queryAll('RETURN $token.ID')).toEqual(['second']);
    expect(calls()).toBe(1);
  });

  it('a token the server rejects (the access key was rotated) triggers one re-sign-in and a retry', async () => {
    const { db } = await signUpRecordUser('rotated');
    const [before] = await db.queryAll<[string]>('RETURN $token.jti');
    await rotateAccountKey();
    const [after] = await db.queryAll<[string]>('RETURN $token.jti');
    expect(after).toBeTypeOf('string');
    expect(after).not.toBe(before);
  });

  it('concurrent calls with a stale token share one re-sign-in', async () => {
    await defineShortLivedUser('many', 'many-pass');
    const { db, calls } = await openWithAuthCallback('many', 'many-pass');
    await waitForTokenExpiry();
    const results = await Promise.all(Array.from({ length: 8 }, () => db.queryAll('RETURN $token.jti')));
    expect(new Set(results.map(([jti]) => jti)).size).toBe(1);
    expect(calls()).toBe(2);
  });

  it('with a refresh token (access WITH REFRESH), an expired token is renewed by `refresh`, as over @sdb/ws', async () => {
    await root.queryAll(`DEFINE ACCESS renewing ON DATABASE TYPE RECORD
      SIGNUP (CREATE user SET name = $name, pass = crypto::argon2::generate($pass))
      SIGNIN (SELECT * FROM user WHERE name = $name AND crypto::argon2::compare(pass, $pass))
      WITH REFRESH DURATION FOR TOKEN 1s`);
    const signer = await open(surrealdb().httpUrl, { namespace, database });
    const { refresh } = await signer.signup({ namespace, database, access: 'renewing', variables: { name: 'rita', pass: 'rita-pass' } });
    expect(refresh).toBeTypeOf('string');
    const events: RequestDiagnostic[] = [];
    // Signed in with the refresh grant itself: that grant is spent, only the refresh token it gives back can renew.
    const db = await open(surrealdb().httpUrl, { namespace, database, auth: { namespace, database, access: 'renewing', refresh: refresh as string }, diagnostics: (event) => events.push(event) });
    const [first] = await db.queryAll<[string]>('RETURN $token.jti');
    await waitForTokenExpiry();
    const [second] = await db.queryAll<[string]>('RETURN $token.jti');
    expect(second).toBeTypeOf('string');
    expect(second).not.toBe(first);
    expect(events.filter((event) => event.internal).map((event) => [event.method, event.ok])).toEqual([
      ['signin', true],
      ['refresh', true],
    ]);
  });

  it('without stored credentials (token auth) a rejected token is reported, not retried', async () => {
    const { access } = await signUpRecordUser('tok');
    const db = await open(surrealdb().httpUrl, { namespace, database, auth: access });
    await rotateAccountKey();
    const error = await rejection(db.query('RETURN 1'));
    expect(error).toBeInstanceOf(NotAllowedError);
    expect(`${error.message} ${error.stack}`).not.toContain(access);
  });
});

describe('permissions', () => {
  it('a record user denied a schema write gets a NotAllowedError statement error', async () => {
    const { db } = await signUpRecordUser('eve');
    const error = await rejection(db.queryAll('REMOVE TABLE item'));
    expect(error).toBeInstanceOf(StatementError);
    expect(error).toMatchObject({ kind: 'NotAllowed', index: 0 });
    expect((error as StatementError).cause).toBeInstanceOf(NotAllowedError);
    expect((error as Error).message).toMatch(/not enough permissions/i);
  });

  it('a record user denied a record write by table permissions creates nothing', async () => {
    const { db } = await signUpRecordUser('mal');
    // SurrealDB filters writes that PERMISSIONS deny instead of failing them: nothing is written.
    expect(await db.create('item', { stolen: true })).toEqual([]);
    expect(await root.select('item')).toEqual([]);
  });
});
