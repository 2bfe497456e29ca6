/**
 * What goes over the wire: a recording HTTP server (answering every RPC with a CBOR `ok`) shows
 * the headers and body each request carries, i.e. the session state the client keeps for the
 * stateless server.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { decode, encode } from '@sdb/protocol';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { HttpTransport } from '@sdb/http';

interface Recorded {
  path: string;
  headers: IncomingHttpHeaders;
  body: { id: unknown; method: string; params: unknown[] };
}

let server: Server;
let url: string;
let recorded: Recorded[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = decode(new Uint8Array(Buffer.concat(chunks))) as Recorded['body'];
      recorded.push({ path: request.url ?? '', headers: request.headers, body });
      response.writeHead(200, { 'content-type': 'application/cbor' });
      response.end(encode({ id: body.id, result: body.method === 'signin' ? 'header.eyJleHAiOjQxMDI0NDQ4MDB9.sig' : 'ok' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  recorded = [];
});

it('POSTs CBOR {id, method, params} to /rpc with namespace and database headers', async () => {
  const transport = new HttpTransport(`${url}/rpc`, { namespace: 'app', database: 'main', headers: { 'x-trace-id': 'abc' } });
  expect(await transport.call('select', ['person'])).toBe('ok');
  const [request] = recorded;
  expect(request?.path).toBe('/rpc');
  expect(request?.headers).toMatchObject({ 'content-type': 'application/cbor', accept: 'application/cbor', 'surreal-ns': 'app', 'surreal-db': 'main', 'x-trace-id': 'abc' });
  expect(request?.headers.authorization).toBeUndefined();
  expect(request?.body).toMatchObject({ method: 'select', params: ['person'] });
});

it('use, let and unset make no request; they shape the later ones', async () => {
  const transport = new HttpTransport(url);
  await transport.call('use', ['ns2', 'db2']);
  await transport.call('let', ['min', 18]);
  await transport.call('let', ['gone', 1]);
  await transport.call('unset', ['gone']);
  expect(recorded).toEqual([]);
  await transport.call('query', ['SELECT * FROM person WHERE age > $min', { limit: 5 }]);
  expect(recorded[0]?.headers).toMatchObject({ 'surreal-ns': 'ns2', 'surreal-db': 'db2' });
  expect(recorded[0]?.body.params).toEqual(['SELECT * FROM person WHERE age > $min', { min: 18, limit: 5 }]);
});

it('after signin the token travels as a bearer header; signin itself never carries one', async () => {
  const transport = new HttpTransport(url);
  await transport.call('signin', [{ user: 'root', pass: 'root' }]);
  await transport.call('ping', []);
  await transport.call('signin', [{ user: 'root', pass: 'root' }]);
  expect(recorded.map((request) => request.headers.authorization)).toEqual([undefined, 'Bearer header.eyJleHAiOjQxMDI0NDQ4MDB9.sig', undefined]);
});

it('invalidate drops the token client-side without a request', async () => {
  const transport = new HttpTransport(url);
  await transport.call('signin', [{ user: 'root', pass: 'root' }]);
  await transport.call('invalidate', []);
  await transport.call('ping', []);
  expect(recorded.map((request) => request.body.method)).toEqual(['signin', 'ping']);
  expect(recorded[1]?.headers.authorization).toBeUndefined();
});
