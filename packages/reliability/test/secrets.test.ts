/**
 * Secrets: the root password, a wrong password and the session token never appear in anything
 * the clients produce — error messages, stacks and causes, logs and other output, diagnostics
 * events, connection events, or `String()` / `util.inspect()` of clients, sessions, pools, models
 * and transports — through @sdb/ws, @sdb/http, @sdb/pool, @sdb/embedded and @sdb/orm, with
 * credentials given as options, as a token, and inside the URL.
 */
import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createEmbeddedTransport, startServer, type EmbeddedServer } from '@sdb/embedded';
import { connect as connectHttp } from '@sdb/http';
import { f, model } from '@sdb/orm';
import { createPool } from '@sdb/pool';
import { RpcClient, type RequestDiagnostic } from '@sdb/protocol';
import { connect as connectWs } from '@sdb/ws';
import { captureOutput, type Capture } from './support/capture.ts';
import { recordFigures } from './support/figures.ts';
import { uniqueScope } from './support/servers.ts';

const PASSWORD = `pw-${randomBytes(12).toString('hex')}`;
const WRONG = `wrong-${randomBytes(12).toString('hex')}`;
const USER = 'root';

let server: EmbeddedServer;
let capture: Capture;
/** Every text the suite below could show a person: searched at the end. */
const seen: string[] = [];
const secrets: string[] = [PASSWORD, WRONG];

function look(...values: unknown[]): void {
  for (const value of values) {
    seen.push(typeof value === 'string' ? value : inspect(value, { depth: 10, showHidden: true, getters: true }));
    if (value instanceof Error) {
      seen.push(String(value), value.stack ?? '');
      for (let cause = value.cause; cause; cause = (cause as Error).cause) seen.push(inspect(cause, { depth: 10 }));
    } else if (value !== null && typeof value === 'object') {
      seen.push(String(value));
    }
  }
}

async function failure(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    look(error);
    return error;
  }
  throw new Error('expected a failure');
}

const diagnostics: RequestDiagnostic[] = [];
const diagnose = (event: RequestDiagnostic) => {
  diagnostics.push(event);
};

beforeAll(async () => {
  server = await startServer({ auth: { username: USER, password: PASSWORD } });
  capture = captureOutput();
});
afterAll(async () => {
  capture.stop();
  await server.close();
});

test('@sdb/ws: wrong password, password in the URL, signin, token auth, failing calls, events and inspection', async () => {
  await failure(() => connectWs(server.url, { auth: { username: USER, password: WRONG }, reconnect: false, diagnostics: diagnose }));
  const withUserInfo = server.url.replace('ws://', `ws://${USER}:${WRONG}@`);
  await failure(() => connectWs(withUserInfo, { auth: { username: USER, password: WRONG }, reconnect: false }));

  const db = await connectWs(server.url, { ...uniqueScope('rel_secret'), auth: { username: USER, password: PASSWORD }, diagnostics: diagnose });
  for (const name of ['connecting', 'connected', 'reconnecting', 'disconnected', 'error', 'auth'] as const) db.on(name, (payload) => look(payload));
  const { access: token } = await db.signin({ username: USER, password: PASSWORD });
  secrets.push(token);
  await failure(() => db.signin({ username: USER, password: WRONG }));
  await failure(() => db.queryAll('THIS IS NOT SURREALQL $secret', { secret: 'not a secret' }));
  const session = await db.session({ auth: { username: USER, password: PASSWORD } });
  look(db, session, await db.info().catch((error: unknown) => error));
  await session.close();

  const byToken = await connectWs(server.url, { ...uniqueScope('rel_secret'), auth: token, diagnostics: diagnose });
  await failure(() => byToken.authenticate(`${token}x`));
  look(byToken);
  await byToken.close();
  await db.close();
});

test('@sdb/http: wrong password, password in the URL, token auth, failing calls and inspection', async () => {
  await failure(() => connectHttp(server.httpUrl, { auth: { username: USER, password: WRONG }, diagnostics: diagnose }));
  await failure(() => connectHttp(server.httpUrl.replace('http://', `http://${USER}:${WRONG}@`), { auth: { username: USER, password: WRONG } }));
  const db = await connectHttp(server.httpUrl, { ...uniqueScope('rel_secret_http'), auth: { username: USER, password: PASSWORD }, diagnostics: diagnose });
  const { access: token } = await db.signin({ username: USER, password: PASSWORD });
  secrets.push(token);
  await failure(() => db.signin({ username: USER, password: WRONG }));
  await failure(() => db.queryAll('NOT SURREALQL'));
  look(db, db.transport);
  const byToken = await connectHttp(server.httpUrl, { auth: token });
  look(byToken);
  await byToken.close();
  await db.close();
});

test('@sdb/pool: a member that cannot sign in, stats, and inspection', async () => {
  const failing = createPool({
    endpoints: [server.url.replace('ws://', `ws://${USER}:${WRONG}@`)],
    acquireTimeout: 1_000,
    connect: (url) => connectWs(url, { auth: { username: USER, password: WRONG }, reconnect: false }),
  });
  await failure(() => failing.queryAll('RETURN 1'));
  look(failing, failing.stats());
  await failing.close();

  const pool = createPool({ endpoints: [server.url], connect: (url) => connectWs(url, { ...uniqueScope('rel_secret_pool'), auth: { username: USER, password: PASSWORD } }) });
  expect(await pool.queryAll<[number]>('RETURN 1')).toEqual([1]);
  look(pool, pool.stats());
  await pool.close();
});

test('@sdb/embedded and @sdb/orm: a transport signed in, a model and its instances, and their failures', async () => {
  const transport = await createEmbeddedTransport('mem://');
  const client = new RpcClient(transport);
  await client.use(uniqueScope('rel_secret_embedded'));
  await client.queryAll(`DEFINE USER root ON ROOT PASSWORD $pass ROLES OWNER`, { pass: PASSWORD }).catch((error: unknown) => look(error));
  await failure(() => client.signin({ username: USER, password: WRONG }));
  look(client, transport);

  const db = await connectWs(server.url, { ...uniqueScope('rel_secret_orm'), auth: { username: USER, password: PASSWORD } });
  const Account = model('account', { name: f.string(), age: f.int().default(0) });
  const ann = await Account.objects.using(db).create({ name: 'Ann' });
  await failure(() => Account.objects.using(db).create({ name: 42 } as never));
  await failure(() => Account.objects.using(db).filter({ name__regex: '(' }).all());
  look(Account, Account.objects.using(db), ann);
  await db.close();
  await transport.close();
});

test('no password or token appears in any output, error, event, diagnostic or inspection above', () => {
  seen.push(capture.text(), JSON.stringify(diagnostics, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value)), inspect(diagnostics, { depth: 10 }));
  const all = seen.join('\n');
  const leaked = secrets.filter((secret) => all.includes(secret) || all.includes(encodeURIComponent(secret)));
  // The searched text is real: it holds the errors above (e.g. the failed sign-in), not nothing.
  expect(all).toMatch(/NotAllowed|authentication|sign ?in/i);
  expect(diagnostics.length).toBeGreaterThan(5);
  expect(secrets).toHaveLength(4);
  expect(leaked).toEqual([]);
  recordFigures('secrets', {
    'secrets planted (passwords, tokens)': secrets.length,
    'texts searched (errors, events, diagnostics, inspections, output)': seen.length,
    'characters searched': all.length,
    'secrets leaked': leaked.length,
  });
});
