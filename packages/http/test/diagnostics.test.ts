/**
 * The diagnostics hook sees every call once it settles, with its duration and outcome, and never
 * a secret: the params of the auth methods are redacted, results are never included.
 */
import { afterEach, expect, it } from 'vitest';
import { connect, type HttpClient, type RequestDiagnostic } from '@sdb/http';
import { surrealdb, uniqueScope } from './support.ts';

let db: HttpClient | undefined;

afterEach(async () => {
  await db?.close();
});

it('reports each call with method, params, duration and outcome; auth params are redacted', async () => {
  const events: RequestDiagnostic[] = [];
  const server = surrealdb();
  db = await connect(server.httpUrl, { ...uniqueScope('diag'), auth: { username: server.user, password: server.pass }, diagnostics: (event) => events.push(event) });
  await db.query('RETURN $x', { x: 1 });
  await db.query('THROW "x"').catch(() => undefined);
  await db.queryAll('SELEC wrong').catch(() => undefined);

  expect(events.map((event) => [event.method, event.ok, event.error])).toEqual([
    ['signin', true, undefined],
    ['query', true, undefined],
    ['query', true, undefined], // a failed statement is still a successful call
    ['query', false, 'ValidationError'],
  ]);
  expect(events[0]?.params).toEqual([{ user: server.user, pass: '***' }]);
  expect(events[1]?.params).toEqual(['RETURN $x', { x: 1 }]);
  expect(events.every((event) => event.duration >= 0)).toBe(true);
  // The sign-in `connect` makes for the `auth` option is the client's own, as over @sdb/ws; the queries are the user's.
  expect(events.map((event) => event.internal)).toEqual([true, false, false, false]);
});

it('the connect probe of a client without auth is reported as internal', async () => {
  const events: RequestDiagnostic[] = [];
  db = await connect(surrealdb().httpUrl, { diagnostics: (event) => events.push(event) });
  expect(events).toMatchObject([{ method: 'ping', ok: true, internal: true }]);
});

it('a throwing hook does not change the outcome of the call', async () => {
  const server = surrealdb();
  db = await connect(server.httpUrl, {
    ...uniqueScope('diag'),
    auth: { username: server.user, password: server.pass },
    diagnostics: () => {
      throw new Error('broken logger');
    },
  });
  expect(await db.queryAll('RETURN 1')).toEqual([1]);
});
