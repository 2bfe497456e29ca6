/**
 * `tls: { ca }` on Node's entry: `https://` to a server whose certificate is its own (self-signed,
 * made in the test), and a `ConnectionError` that says why without it. The fetch entry (browsers,
 * edge runtimes) refuses the option: there the platform's trust store decides. Runs in the undici
 * project only, since it names each entry itself.
 */
import { ConnectionError, InvalidOptionError } from '@sdb/protocol';
import { startServer, type EmbeddedServer } from '@sdb/embedded';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { selfSignedCertificate } from '../../embedded/test-support/certificates.ts';
import { connect as connectFetch } from '../src/index.ts';
import { connect } from '../src/node.ts';
import { uniqueScope } from './support.ts';

const certificate = selfSignedCertificate();
const auth = { username: 'root', password: 'https-root-pass' };
let server: EmbeddedServer;

beforeAll(async () => {
  server = await startServer({ tls: certificate, auth });
});
afterAll(() => server.close());

it('answers over https:// when the certificate authority is given as tls.ca', async () => {
  await using db = await connect(server.httpUrl, { ...uniqueScope('http_tls'), auth, tls: { ca: certificate.cert } });
  expect(await db.queryAll<[number]>('RETURN 6 * 7')).toEqual([42]);
});

it('fails with a ConnectionError naming the untrusted certificate when tls.ca is not given', async () => {
  const attempt = connect(server.httpUrl, { auth });
  await expect(attempt).rejects.toThrow(ConnectionError);
  await expect(attempt).rejects.toThrow(/self-signed certificate/);
});

it('refuses tls together with a dispatcher, and on the fetch entry, with an InvalidOptionError', async () => {
  await expect(connect(server.httpUrl, { tls: { ca: certificate.cert }, dispatcher: {} })).rejects.toThrow(InvalidOptionError);
  await expect(connectFetch(server.httpUrl, { tls: { ca: certificate.cert } })).rejects.toThrow(/own trust store/);
});
