/**
 * The embedded server's HTTP side: `POST /rpc` with SurrealDB's headers (each request in a session
 * set up from them), root credentials enforced as on a real server, `/sql`, `/import`, `/export`, and
 * the `/health`, `/version`, `/status` probes.
 */
import { decode, encode, RecordId } from '@sdb/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type EmbeddedServer } from '../src/server.ts';

interface Envelope {
  id?: unknown;
  result?: unknown;
  error?: { code: number; message: string; kind?: string };
}

let server: EmbeddedServer;

/** A CBOR request body (a copy, so fetch's types see a plain ArrayBuffer behind it). */
function cbor(value: unknown): Uint8Array<ArrayBuffer> {
  return encode(value).slice();
}

beforeAll(async () => {
  server = await startServer({ auth: { username: 'root', password: 'root' } });
});

afterAll(async () => {
  await server.close();
});

async function rpc(method: string, params: unknown[], headers: Record<string, string> = {}): Promise<{ status: number; body: Envelope }> {
  const response = await fetch(`${server.httpUrl}/rpc`, {
    method: 'POST',
    headers: { 'content-type': 'application/cbor', accept: 'application/cbor', ...headers },
    body: cbor({ id: 7, method, params }),
  });
  return { status: response.status, body: decode(new Uint8Array(await response.arrayBuffer())) as Envelope };
}

async function rootToken(): Promise<string> {
  const { body } = await rpc('signin', [{ user: 'root', pass: 'root' }]);
  expect(typeof body.result).toBe('string');
  return body.result as string;
}

const basic = `Basic ${Buffer.from('root:root').toString('base64')}`;

describe('startServer options', () => {
  it('the root user is auth: { username, password }, as everywhere in sdb: a client signs in with the same object', async () => {
    const auth = { username: 'admin', password: 'admin-pass' };
    const own = await startServer({ auth });
    try {
      const response = await fetch(`${own.httpUrl}/rpc`, {
        method: 'POST',
        headers: { 'content-type': 'application/cbor', accept: 'application/cbor' },
        body: cbor({ id: 1, method: 'signin', params: [{ user: auth.username, pass: auth.password }] }),
      });
      expect(response.status).toBe(200);
      expect(String((decode(new Uint8Array(await response.arrayBuffer())) as Envelope).result).split('.')).toHaveLength(3);
    } finally {
      await own.close();
    }
  });

  it.each([
    [{ user: 'root', pass: 'root' }, 'user', /^startServer: the user option is now auth: \{ username, password \}$/],
    [{ auth: { username: 'root' } }, 'auth', /^startServer: auth must be/],
    [{ auth: { username: 'no spaces', password: 'x' } }, 'auth.username', /^startServer: auth.username must be letters/],
    [{ auth: { username: 'root', password: '' } }, 'auth.password', /^startServer: auth.password must not be empty/],
    [{ port: 70_000 }, 'port', /^startServer: port must be a whole number/],
    [{ host: '' }, 'host', /^startServer: host must be a non-empty string/],
  ])('%j is refused with an InvalidOptionError naming the option', async (options, option, message) => {
    await expect(startServer(options as never)).rejects.toMatchObject({ name: 'InvalidOptionError', option, message: expect.stringMatching(message) });
  });
});

describe('POST /rpc', () => {
  it('signs in and answers {id, result} with a token', async () => {
    const { status, body } = await rpc('signin', [{ user: 'root', pass: 'root' }]);
    expect(status).toBe(200);
    expect(body.id).toBe(7);
    expect(String(body.result).split('.')).toHaveLength(3);
  });

  it('runs a call in the namespace and database of the Surreal-NS/Surreal-DB headers, as the bearer', async () => {
    const headers = { 'surreal-ns': 'http_ns', 'surreal-db': 'http_db', authorization: `Bearer ${await rootToken()}` };
    await rpc('query', ['DEFINE TABLE thing'], headers);
    const created = await rpc('create', [new RecordId('thing', 1), { n: 1 }], headers);
    expect(created.body.result).toMatchObject({ n: 1 });

    const { body } = await rpc('query', ['RETURN [session::ns(), session::db(), count(SELECT * FROM thing)]'], headers);
    expect(body.result).toMatchObject([{ status: 'OK', result: ['http_ns', 'http_db', 1] }]);
  });

  it('accepts Basic credentials', async () => {
    const { body } = await rpc('query', ['RETURN 1'], { authorization: basic });
    expect(body.result).toMatchObject([{ result: 1 }]);
  });

  it('refuses data calls without credentials (401, NotAllowed)', async () => {
    const { status, body } = await rpc('query', ['RETURN 1']);
    expect(status).toBe(401);
    expect(body.id).toBe(7);
    expect(body.error).toMatchObject({ code: -32002, kind: 'NotAllowed' });
  });

  it('refuses a bad bearer token (401) and a wrong password', async () => {
    expect((await rpc('query', ['RETURN 1'], { authorization: 'Bearer not.a.token' })).status).toBe(401);
    const wrong = await rpc('signin', [{ user: 'root', pass: 'nope' }]);
    expect(wrong.body.error?.kind).toBe('NotAllowed');
  });

  it('keeps no state between requests: `let` in one request is gone in the next', async () => {
    const headers = { authorization: basic, 'surreal-ns': 'http_ns', 'surreal-db': 'http_db' };
    await rpc('let', ['x', 1], headers);
    const { body } = await rpc('query', ['RETURN $x'], headers);
    expect(body.result).toMatchObject([{ status: 'OK' }]);
    expect((body.result as { result: unknown }[])[0]?.result).toBeUndefined();
  });

  it('refuses WebSocket-only methods such as live', async () => {
    const { status, body } = await rpc('live', ['thing'], { authorization: basic });
    expect(status).toBe(400);
    expect(body.error?.message).toContain('WebSocket');
  });

  it('answers a body that is not CBOR with a parse error (-32700)', async () => {
    const response = await fetch(`${server.httpUrl}/rpc`, { method: 'POST', headers: { 'content-type': 'application/cbor' }, body: new Uint8Array([0xff, 0x13]) });
    expect(response.status).toBe(400);
    expect((decode(new Uint8Array(await response.arrayBuffer())) as Envelope).error?.code).toBe(-32700);
  });

  it('survives a client that hangs up while its request runs', async () => {
    const controller = new AbortController();
    const abandoned = fetch(`${server.httpUrl}/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/cbor', authorization: basic, 'surreal-ns': 'http_ns', 'surreal-db': 'http_db' },
      body: cbor({ id: 1, method: 'query', params: ['SLEEP 200ms'] }),
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    await expect(abandoned).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 250));

    expect((await rpc('ping', [])).body).toEqual({ id: 7, result: undefined });
  });

  it('speaks JSON when the request is application/json', async () => {
    const response = await fetch(`${server.httpUrl}/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: basic },
      body: JSON.stringify({ id: 'j', method: 'query', params: ['RETURN 40 + 2'] }),
    });
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toMatchObject({ id: 'j', result: [{ result: 42 }] });
  });
});

describe('probes', () => {
  it('GET /health and /status answer 200', async () => {
    expect((await fetch(`${server.httpUrl}/health`)).status).toBe(200);
    expect((await fetch(`${server.httpUrl}/status`)).status).toBe(200);
  });

  it('GET /version names the engine', async () => {
    expect(await (await fetch(`${server.httpUrl}/version`)).text()).toBe('surrealdb-3.0.2');
  });

  it('answers CORS preflights so browser pages of any origin can call /rpc', async () => {
    const preflight = await fetch(`${server.httpUrl}/rpc`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,surreal-ns' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type,surreal-ns');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('unknown paths answer 404', async () => {
    expect((await fetch(`${server.httpUrl}/nope`)).status).toBe(404);
  });
});

describe('/sql, /import and /export', () => {
  const scope = { 'surreal-ns': 'io_ns', 'surreal-db': 'io_db' };

  it('imports a SurrealQL script into the header namespace/database and exports it back', async () => {
    const imported = await fetch(`${server.httpUrl}/import`, {
      method: 'POST',
      headers: { ...scope, authorization: basic },
      body: 'DEFINE TABLE book SCHEMALESS; CREATE book:dune SET title = "Dune";',
    });
    expect(imported.status).toBe(200);

    const sql = await fetch(`${server.httpUrl}/sql`, { method: 'POST', headers: { ...scope, authorization: basic }, body: 'SELECT VALUE title FROM book' });
    expect(await sql.json()).toMatchObject([{ status: 'OK', result: ['Dune'] }]);

    const exported = await fetch(`${server.httpUrl}/export`, { headers: { ...scope, authorization: basic } });
    expect(exported.status).toBe(200);
    const script = await exported.text();
    expect(script).toContain('DEFINE TABLE book');
    expect(script).toContain('Dune');
  });

  it('takes export options as a CBOR body', async () => {
    const exported = await fetch(`${server.httpUrl}/export`, {
      method: 'POST',
      headers: { ...scope, authorization: basic, 'content-type': 'application/cbor' },
      body: cbor({ records: false }),
    });
    const script = await exported.text();
    expect(script).toContain('DEFINE TABLE book');
    expect(script).not.toContain('Dune');
  });

  it('refuses import and export without credentials', async () => {
    expect((await fetch(`${server.httpUrl}/import`, { method: 'POST', headers: scope, body: 'CREATE x' })).status).toBe(401);
    expect((await fetch(`${server.httpUrl}/export`, { headers: scope })).status).toBe(401);
  });
});
