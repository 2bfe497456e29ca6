/**
 * `connect` options for TLS and for frame size: `tls: { ca }` trusts a server's own certificate
 * for `wss://` (without it, connecting fails with a `ConnectionError` that says why), and
 * `maxFrameBytes` refuses a request that is too large before sending it, and drops a socket on
 * which a reply that large arrives.
 */
import { ConnectionClosedError, ConnectionError, FrameTooLargeError, InvalidOptionError } from '@sdb/protocol';
import { startServer, type EmbeddedServer } from '@sdb/embedded';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfSignedCertificate } from '../../embedded/test-support/certificates.ts';
import { connect } from '../src/index.ts';
import { connectRoot, surrealdb, uniqueScope } from './support.ts';

describe('tls', () => {
  const certificate = selfSignedCertificate();
  const auth = { username: 'root', password: 'tls-root-pass' };
  let server: EmbeddedServer;
  beforeAll(async () => {
    server = await startServer({ tls: certificate, auth });
  });
  afterAll(() => server.close());

  it('connects over wss:// to a server whose certificate authority is given as tls.ca', async () => {
    await using db = await connect(server.url, { ...uniqueScope('ws_tls'), auth, tls: { ca: certificate.cert } });
    expect(await db.queryAll<[number]>('RETURN 6 * 7')).toEqual([42]);
  });

  it('fails to connect with a ConnectionError naming the untrusted certificate when tls.ca is not given', async () => {
    const attempt = connect(server.url, { auth, reconnect: false });
    await expect(attempt).rejects.toThrow(ConnectionError);
    await expect(attempt).rejects.toThrow(/self-signed certificate/);
  });

  it('refuses a tls option without a PEM ca', async () => {
    await expect(connect(server.url, { tls: { ca: 42 } as never })).rejects.toThrow(InvalidOptionError);
  });
});

describe('maxFrameBytes', () => {
  it('refuses a request over the limit with a FrameTooLargeError, sends nothing, and the connection goes on', async () => {
    const { db } = await connectRoot({ maxFrameBytes: 2048 });
    const error = await db.queryAll('RETURN $x', { x: 'x'.repeat(4000) }).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(FrameTooLargeError);
    expect(error).toMatchObject({ limit: 2048 });
    expect((error as FrameTooLargeError).bytes).toBeGreaterThan(4000);
    expect(await db.queryAll<[number]>('RETURN 1 + 1')).toEqual([2]);
    expect(db.status).toBe('open');
    await db.close();
  });

  it('drops the socket when a reply over the limit arrives: the call rejects with ConnectionClosedError, and the client reconnects', async () => {
    const { db } = await connectRoot({ maxFrameBytes: 2048, reconnect: { initialDelay: 10, jitter: 0 } });
    const reconnected = new Promise((resolve) => db.on('connected', resolve));
    const failure = db.queryAll("RETURN string::repeat('x', 4000)");
    await expect(failure).rejects.toThrow(ConnectionClosedError);
    await expect(failure).rejects.toThrow(/over maxFrameBytes \(2048\)/);
    await reconnected;
    expect(await db.queryAll<[number]>('RETURN 2 + 2')).toEqual([4]);
    await db.close();
  });

  it('refuses a limit that is not a positive whole number of bytes', async () => {
    await expect(connect(surrealdb().url, { maxFrameBytes: -1 })).rejects.toThrow(InvalidOptionError);
  });
});
