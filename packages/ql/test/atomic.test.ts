/**
 * `atomic(...)`: statements built with @sdb/ql applied all together or not at all, the same way
 * over every transport (one `BEGIN; …; COMMIT;` query), and inside an interactive transaction.
 */
import { AlreadyExistsError, RecordId, StatementError, type Queryable } from '@sdb/protocol';
import { connect as connectHttp, type HttpClient } from '@sdb/http';
import { connect as connectWs, type WsClient } from '@sdb/ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surrealdb, uniqueScope } from '../../embedded/test-support/index.ts';
import { atomic, atomicQuery, create, runBatch, select, run, update } from '../src/index.ts';

interface Account {
  id: RecordId<'account'>;
  owner: string;
  balance: number;
}

let ws: WsClient;
let http: HttpClient;

beforeAll(async () => {
  const { url, httpUrl, user, pass } = surrealdb();
  const scope = uniqueScope('ql_atomic');
  const auth = { username: user, password: pass };
  ws = await connectWs(url, { ...scope, auth });
  http = await connectHttp(httpUrl, { ...scope, auth });
  await ws.query('DEFINE TABLE account SCHEMALESS');
});

afterAll(async () => {
  await ws?.close();
  await http?.close();
});

const account = (key: string) => new RecordId('account', key);

/** Opens an account and credits it in two statements, each with its own bound values. */
const openAndCredit = (key: string) => atomic(create<Account>(account(key)).set({ owner: key, balance: 10 }), update<Account>(account(key)).set({ balance: 25 }));

it('numbers the parameters of all its statements together, so none collide', () => {
  const q = openAndCredit('x');
  expect(q.query).toBe('BEGIN;\nCREATE $p0 SET owner = $p1, balance = $p2;\nUPDATE $p3 SET balance = $p4;\nCOMMIT;');
  expect(q.bindings).toEqual({ p0: account('x'), p1: 'x', p2: 10, p3: account('x'), p4: 25 });
});

describe.each([
  ['http', () => http],
  ['ws', () => ws],
] as const)('over %s', (transport, client: () => Queryable) => {
  it('applies both statements and answers their own results', async () => {
    const key = `${transport}_ok`;
    const results = await runBatch(client(), openAndCredit(key));
    expect(results).toEqual([[{ id: account(key), owner: key, balance: 10 }], [{ id: account(key), owner: key, balance: 25 }]]);
  });

  it('a failing second statement rolls the first back and rejects with its StatementError', async () => {
    const taken = account(`${transport}_taken`);
    await run(client(), create(taken).set({ owner: 'first', balance: 1 }));
    const fresh = account(`${transport}_fresh`);
    const error = await runBatch(client(), atomic(create(fresh).set({ owner: 'new', balance: 5 }), create(taken).set({ owner: 'again', balance: 0 }))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StatementError);
    expect(error).toMatchObject({ index: 1 });
    expect((error as StatementError).cause).toBeInstanceOf(AlreadyExistsError);
    expect(await run(client(), select(fresh))).toEqual([]);
    expect(await run(client(), select(taken).only().value('owner'))).toBe('first');
  });

  it('atomicQuery applies statements compiled elsewhere the same way: a failing one rolls the others back', async () => {
    const taken = account(`${transport}_taken_raw`);
    await run(client(), create(taken).set({ owner: 'first', balance: 1 }));
    const own = { query: `CREATE account:${transport}_fresh_raw SET owner = $owner;\nCREATE $taken;`, bindings: { owner: 'new', taken } };
    const error = await runBatch(client(), atomicQuery(own)).catch((e: unknown) => e);
    expect(error).toMatchObject({ index: 1 });
    expect(await run(client(), select(account(`${transport}_fresh_raw`)))).toEqual([]);
  });
});

describe('inside an interactive ws transaction', () => {
  it('runs as part of the transaction (which is atomic already)', async () => {
    const results = await ws.transaction((tx) => runBatch(tx, openAndCredit('in_tx')));
    expect(results[1]).toEqual([{ id: account('in_tx'), owner: 'in_tx', balance: 25 }]);
    expect(await ws.select(account('in_tx'))).toEqual({ id: account('in_tx'), owner: 'in_tx', balance: 25 });
  });

  it('a failing statement fails the transaction, and nothing of it remains', async () => {
    const taken = account('tx_taken');
    await ws.create(taken, { owner: 'first', balance: 1 });
    const attempt = ws.transaction((tx) => runBatch(tx, atomic(create(account('tx_fresh')).set({ owner: 'new' }), create(taken).set({ owner: 'again' }))));
    await expect(attempt).rejects.toBeInstanceOf(StatementError);
    expect(await ws.select(account('tx_fresh'))).toBeUndefined();
  });
});
