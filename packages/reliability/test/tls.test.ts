/**
 * TLS: the embedded server started with a self-signed certificate made in the test; @sdb/ws over
 * `wss://`, @sdb/http over `https://` and a pool of wss members, each trusting it through
 * `tls: { ca }`, carry a load with every reply matched; without the CA, each refuses to connect
 * with a `ConnectionError` that names the untrusted certificate.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type EmbeddedServer } from '@sdb/embedded';
import { connect as connectHttp } from '@sdb/http';
import { createPool, NoHealthyEndpointError } from '@sdb/pool';
import { ConnectionError } from '@sdb/protocol';
import { connect as connectWs } from '@sdb/ws';
import { selfSignedCertificate } from '../../embedded/test-support/certificates.ts';
import { recordFigures } from './support/figures.ts';
import { DERIVED_QUERY, runLoad } from './support/load.ts';
import { scaled } from './support/scale.ts';
import { closeAll, track, uniqueScope } from './support/servers.ts';

const CALLS = scaled(2_000, 50_000);
const certificate = selfSignedCertificate();
const auth = { username: 'root', password: 'tls-reliability-root' };
const tls = { ca: certificate.cert };
let server: EmbeddedServer;

beforeAll(async () => {
  server = await startServer({ tls: certificate, auth });
});
afterAll(async () => {
  await closeAll();
  await server.close();
});

const load = { count: CALLS, inFlight: 64, deadline: 30_000 };

test(`wss:// with tls.ca: ${CALLS.toLocaleString('en-US')} calls matched; without it, a ConnectionError naming the certificate`, async () => {
  const db = track(await connectWs(server.url, { ...uniqueScope('rel_wss'), auth, tls }));
  const outcome = await runLoad(async (n) => (await db.queryAll<[number]>(DERIVED_QUERY, { n }))[0], load);
  expect(outcome).toMatchObject({ calls: CALLS, matched: CALLS, hung: 0 });
  await expect(connectWs(server.url, { auth, reconnect: false })).rejects.toThrow(ConnectionError);
  await expect(connectWs(server.url, { auth, reconnect: false })).rejects.toThrow(/self-signed certificate/);
  recordFigures('tls', { 'wss calls matched': outcome.matched, 'refused without the CA (typed)': 1 });
});

test(`https:// with tls.ca: ${CALLS.toLocaleString('en-US')} calls matched; without it, a ConnectionError naming the certificate`, async () => {
  const db = track(await connectHttp(server.httpUrl, { ...uniqueScope('rel_https'), auth, tls }));
  const outcome = await runLoad(async (n) => (await db.queryAll<[number]>(DERIVED_QUERY, { n }))[0], load);
  expect(outcome).toMatchObject({ calls: CALLS, matched: CALLS, hung: 0 });
  await expect(connectHttp(server.httpUrl, { auth })).rejects.toThrow(/self-signed certificate/);
  recordFigures('tls', { 'https calls matched': outcome.matched, 'refused without the CA (typed)': 1 });
});

test('a pool of wss:// members: answers with tls.ca, and reports NoHealthyEndpointError without it', async () => {
  const scope = uniqueScope('rel_wss_pool');
  const pool = track(createPool({ endpoints: [server.url], connect: (url) => connectWs(url, { ...scope, auth, tls }) }));
  expect(await pool.queryAll<[number]>('RETURN 6 * 7')).toEqual([42]);
  const untrusting = track(createPool({ endpoints: [server.url], acquireTimeout: 1_000, connect: (url) => connectWs(url, { ...scope, auth, reconnect: false }) }));
  await expect(untrusting.queryAll('RETURN 1')).rejects.toThrow(NoHealthyEndpointError);
  recordFigures('tls', { 'refused without the CA (typed)': 1 });
});
