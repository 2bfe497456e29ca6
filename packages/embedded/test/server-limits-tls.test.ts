/**
 * `startServer` options for hostile clients and for TLS: `maxFrameBytes` refuses a frame or body
 * over the limit (that socket closes with 1009, HTTP answers 413) while other clients go on, and
 * `tls` serves `wss://` and `https://` with the given certificate.
 */
import { request } from 'node:https';
import { InvalidOptionError, encode } from '@sdb/protocol';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type EmbeddedServer } from '../src/server.ts';
import { selfSignedCertificate } from '../test-support/certificates.ts';
import { RawSocket } from './raw-socket.ts';

describe('maxFrameBytes', () => {
  let server: EmbeddedServer;
  beforeAll(async () => {
    server = await startServer({ maxFrameBytes: 4096 });
  });
  afterAll(() => server.close());

  it('closes the socket that sent a frame over the limit with 1009, and keeps serving the others', async () => {
    const bystander = await RawSocket.open(server.url);
    const offender = await RawSocket.open(server.url);
    offender.sendRaw(encode({ id: 1, method: 'query', params: ['RETURN $x', { x: 'x'.repeat(5000) }] }));
    expect(await offender.closed).toBe(1009);
    expect(await bystander.result('query', ['RETURN 1 + 1'])).toMatchObject([{ status: 'OK', result: 2 }]);
    await bystander.close();
  });

  it('accepts a frame within the limit', async () => {
    const socket = await RawSocket.open(server.url);
    expect(await socket.result('query', ['RETURN string::len($x)', { x: 'x'.repeat(3000) }])).toMatchObject([{ result: 3000 }]);
    await socket.close();
  });

  it('answers an HTTP body over the limit with 413', async () => {
    const response = await fetch(`${server.httpUrl}/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/cbor', accept: 'application/cbor' },
      body: Buffer.from(encode({ id: 1, method: 'query', params: ['RETURN $x', { x: 'x'.repeat(5000) }] })),
    });
    expect(response.status).toBe(413);
  });

  it('refuses a limit that is not a positive whole number of bytes', async () => {
    await expect(startServer({ maxFrameBytes: 0 })).rejects.toThrow(InvalidOptionError);
    await expect(startServer({ maxFrameBytes: 1.5 })).rejects.toThrow(/maxFrameBytes/);
  });
});

describe('tls', () => {
  const certificate = selfSignedCertificate();
  let server: EmbeddedServer;
  beforeAll(async () => {
    server = await startServer({ tls: certificate });
  });
  afterAll(() => server.close());

  it('serves wss:// and https:// URLs', () => {
    expect(server.url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+\/rpc$/);
    expect(server.httpUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers RPC over wss:// to a client that trusts the certificate', async () => {
    const socket = new WebSocket(server.url, 'cbor', { ca: certificate.cert });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    socket.close();
  });

  it('answers /health over https:// to a client that trusts the certificate', async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      request(`${server.httpUrl}/health`, { ca: certificate.cert }, (response) => {
        response.resume();
        resolve(response.statusCode);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(200);
  });

  it('is refused by a client that does not trust the certificate', async () => {
    const socket = new WebSocket(server.url, 'cbor');
    await expect(new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))).rejects.toThrow(/self-signed certificate/);
  });

  it('refuses tls options without both PEM texts', async () => {
    await expect(startServer({ tls: { key: certificate.key } as never })).rejects.toThrow(InvalidOptionError);
  });
});
