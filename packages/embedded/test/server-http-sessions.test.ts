/**
 * The HTTP path keeps an engine session per namespace, database and bearer token for the
 * requests that cannot change it, so a request costs two engine calls (authenticate, the call)
 * instead of five. Nothing may pass from one request to the next through it: not a `let`
 * variable, not a `USE`, not a sign-in or an `invalidate`; a request without the token never
 * runs as its owner, and an expired token is refused although its session is kept.
 */
import { decode, encode } from '@sdb/protocol';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type EmbeddedServer } from '../src/server.ts';

interface Envelope {
  result?: unknown;
  error?: { code: number; message: string; kind?: string };
}

let server: EmbeddedServer;
let headers: Record<string, string>;

async function rpc(method: string, params: unknown[], extra: Record<string, string> = headers): Promise<{ status: number; body: Envelope }> {
  const response = await fetch(`${server.httpUrl}/rpc`, {
    method: 'POST',
    headers: { 'content-type': 'application/cbor', accept: 'application/cbor', ...extra },
    body: encode({ id: 1, method, params }).slice(),
  });
  return { status: response.status, body: decode(new Uint8Array(await response.arrayBuffer())) as Envelope };
}

/** The value of a one-statement query's result, as the next request with the same headers sees it. */
async function value(sql: string, extra?: Record<string, string>): Promise<unknown> {
  const { body } = await rpc('query', [sql], extra);
  const [statement] = body.result as { result: unknown; status: string }[];
  expect(statement?.status).toBe('OK');
  return statement?.result ?? null;
}

beforeAll(async () => {
  server = await startServer({ auth: { username: 'root', password: 'root' } });
  const { body } = await rpc('signin', [{ user: 'root', pass: 'root' }], {});
  headers = { authorization: `Bearer ${body.result as string}`, 'surreal-ns': 'kept', 'surreal-db': 'kept' };
});

afterAll(async () => {
  await server.close();
});

it('a `let` variable does not reach the next request with the same namespace, database and token', async () => {
  expect(await value('RETURN 1')).toBe(1);
  expect((await rpc('let', ['leaked', 42])).status).toBe(200);
  expect(await value('RETURN $leaked')).toBeNull();
});

it('a LET statement in one query does not reach the next query', async () => {
  await value('LET $leaked = 42');
  expect(await value('RETURN $leaked')).toBeNull();
});

it('a `use` call or a USE statement does not move the next request to another namespace or database', async () => {
  await rpc('use', ['elsewhere', 'elsewhere']);
  expect(await value('RETURN [session::ns(), session::db()]')).toEqual(['kept', 'kept']);
  await value('USE NS elsewhere DB elsewhere');
  expect(await value('RETURN [session::ns(), session::db()]')).toEqual(['kept', 'kept']);
});

it('`invalidate` or a sign-in with the token does not change who the next request with it is', async () => {
  await rpc('invalidate', []);
  expect(await value('RETURN 1')).toBe(1);
  await rpc('signin', [{ user: 'nobody', pass: 'wrong' }]);
  expect(await value('RETURN 1')).toBe(1);
});

it('the same namespace and database without the token stay a guest, before and after a request with it', async () => {
  const guest = { 'surreal-ns': 'kept', 'surreal-db': 'kept' };
  expect((await rpc('query', ['RETURN 1'], guest)).status).toBe(401);
  expect(await value('RETURN 1')).toBe(1);
  expect((await rpc('query', ['RETURN 1'], guest)).status).toBe(401);
});

it('a wrong token is refused every time, and does not disturb the right one', async () => {
  const wrong = { ...headers, authorization: 'Bearer e30.eyJleHAiOjQxMDI0NDQ4MDB9.bad' };
  expect((await rpc('query', ['RETURN 1'], wrong)).status).toBe(401);
  expect((await rpc('query', ['RETURN 1'], wrong)).status).toBe(401);
  expect(await value('RETURN 1')).toBe(1);
});

it('requests in flight together on one session all get their own answers', async () => {
  const answers = await Promise.all(Array.from({ length: 32 }, (_, i) => rpc('query', ['RETURN $i', { i }])));
  expect(answers.map(({ body }) => (body.result as { result: unknown }[])[0]?.result)).toEqual(Array.from({ length: 32 }, (_, i) => i));
});

it('the token is checked on every request: once it expires, a kept session answers 401', async () => {
  await value("DEFINE USER OVERWRITE brief ON NAMESPACE PASSWORD 'brief-pass' ROLES VIEWER DURATION FOR TOKEN 1s");
  const { body } = await rpc('signin', [{ ns: 'kept', user: 'brief', pass: 'brief-pass' }], {});
  const short = { ...headers, authorization: `Bearer ${body.result as string}` };
  expect(await value('RETURN 1', short)).toBe(1);
  expect(await value('RETURN 1', short)).toBe(1);
  // The token's `exp` has a resolution of one second: 2.1 s is past it whenever it was issued.
  await new Promise((resolve) => setTimeout(resolve, 2100));
  expect((await rpc('query', ['RETURN 1'], short)).status).toBe(401);
});
