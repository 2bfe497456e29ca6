/**
 * LIVE SELECT, KILL, LET, IF/ELSE, FOR, RETURN, THROW, INFO, batches and atomic batches.
 */
import { RecordId, StatementError, Uuid, type LiveNotification } from '@sdb/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestClient, type TestClient } from '../../embedded/test-support/index.ts';
import {
  add,
  atomic,
  batch,
  compile,
  create,
  eq,
  fn,
  forEach,
  gt,
  ifThen,
  infoFor,
  kill,
  letParam,
  live,
  param,
  ret,
  run,
  runBatch,
  select,
  throwError,
  update,
} from '../src/index.ts';

let t: TestClient;

beforeAll(async () => {
  t = await connectTestClient('ql_control');
  await t.client.queryAll('DEFINE TABLE item SCHEMALESS; DEFINE TABLE log SCHEMALESS;');
});

afterAll(() => t?.close());

describe('LIVE SELECT and KILL', () => {
  it('starts a live query whose notifications arrive, then kills it', async () => {
    const q = live('item').where(gt('n', 10));
    expect(compile(q)).toEqual({ query: 'LIVE SELECT * FROM item WHERE n > $p0;', bindings: { p0: 10 } });
    const id = (await run(t.client, q)) as Uuid;
    expect(id).toBeInstanceOf(Uuid);
    const received: LiveNotification[] = [];
    const stop = t.transport.onNotification((n) => received.push(n));
    await run(t.client, create('item').set({ n: 5 }));
    await run(t.client, create(new RecordId('item', 'big')).set({ n: 50 }));
    await expect.poll(() => received.length).toBe(1);
    expect(received[0]).toMatchObject({ action: 'CREATE', result: { n: 50 } });
    const k = kill(id);
    expect(compile(k)).toEqual({ query: 'KILL $p0;', bindings: { p0: id } });
    await run(t.client, k);
    stop();
  });

  it('compiles LIVE SELECT DIFF and field lists with FETCH', () => {
    expect(compile(live('item').diff()).query).toBe('LIVE SELECT DIFF FROM item;');
    expect(compile(live('item').fields('n', 'owner').fetch('owner')).query).toBe('LIVE SELECT n, owner FROM item FETCH owner;');
  });
});

describe('LET, RETURN and batches', () => {
  it('binds a LET value and reads it back with param() in the same batch', async () => {
    const q = batch(letParam('limit', 3), ret(fn.math.sum([param('limit'), 4])));
    expect(q).toEqual({ query: 'LET $limit = $p0;\nRETURN math::sum([$limit, $p1]);', bindings: { p0: 3, p1: 4 } });
    expect(await runBatch(t.client, q)).toEqual([undefined, 7]);
  });

  it('numbers parameters across the statements of a batch', async () => {
    const q = batch(create(new RecordId('item', 'a')).set({ n: 1 }), select('item').value('n').where(eq('n', 1)));
    expect(q.query).toBe('CREATE $p0 SET n = $p1;\nSELECT VALUE n FROM item WHERE n = $p2;');
    const [created, values] = await runBatch(t.client, q);
    expect(created).toHaveLength(1);
    expect(values).toEqual([1]);
  });
});

describe('IF / ELSE', () => {
  it('picks the branch whose condition holds', async () => {
    const q = (n: number) => ifThen(gt(param('n'), 10), ret('big')).elseIf(gt(param('n'), 5), ret('medium')).else(ret('small'));
    expect(batch(letParam('n', 7), q(7)).query).toBe(
      "LET $n = $p0;\nIF $n > $p1 { RETURN $p2; } ELSE IF $n > $p3 { RETURN $p4; } ELSE { RETURN $p5; };",
    );
    for (const [n, expected] of [[20, 'big'], [7, 'medium'], [1, 'small']] as const) {
      const [, result] = await runBatch(t.client, batch(letParam('n', n), q(n)));
      expect(result).toBe(expected);
    }
  });
});

describe('FOR', () => {
  it('runs its body once per element', async () => {
    const q = forEach('name', ['x', 'y', 'z'], (name) => [create('log').set({ name })]);
    expect(compile(q).query).toBe('FOR $name IN $p0 { CREATE log SET name = $name; };');
    await run(t.client, q);
    expect(await run(t.client, select('log').value('name').orderBy('name'))).toEqual(['x', 'y', 'z']);
  });
});

describe('THROW', () => {
  it('fails the statement with the thrown value', async () => {
    const q = throwError('custom failure; DROP everything');
    expect(compile(q)).toEqual({ query: 'THROW $p0;', bindings: { p0: 'custom failure; DROP everything' } });
    const error = await run(t.client, q).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StatementError);
    expect(String((error as Error).message)).toContain('custom failure; DROP everything');
  });
});

describe('INFO', () => {
  it('describes the database, a table (with STRUCTURE) and the root', async () => {
    expect(compile(infoFor.database()).query).toBe('INFO FOR DB;');
    const db = (await run(t.client, infoFor.database())) as { tables: Record<string, string> };
    expect(Object.keys(db.tables)).toEqual(expect.arrayContaining(['item', 'log']));
    expect(compile(infoFor.table('item').structure()).query).toBe('INFO FOR TABLE item STRUCTURE;');
    expect(await run(t.client, infoFor.table('item').structure())).toHaveProperty('fields');
    expect(compile(infoFor.user('admin', 'root')).query).toBe('INFO FOR USER admin ON ROOT;');
    expect(compile(infoFor.index('idx', 'item')).query).toBe('INFO FOR INDEX idx ON item;');
    expect(await run(t.client, infoFor.root())).toHaveProperty('namespaces');
    expect(await run(t.client, infoFor.namespace())).toHaveProperty('databases');
  });
});

describe('atomic batch (BEGIN / COMMIT)', () => {
  it('commits all statements together and answers their own results', async () => {
    const q = atomic(create(new RecordId('item', 'tx1')).set({ n: 1 }), update(new RecordId('item', 'tx1')).set({ n: add('n', 1) }));
    expect(q.query).toBe('BEGIN;\nCREATE $p0 SET n = $p1;\nUPDATE $p2 SET n = n + $p3;\nCOMMIT;');
    expect(await runBatch(t.client, q)).toEqual([[{ id: new RecordId('item', 'tx1'), n: 1 }], [{ id: new RecordId('item', 'tx1'), n: 2 }]]);
    expect(await run(t.client, select(new RecordId('item', 'tx1')).only().value('n'))).toBe(2);
  });

  it('rolls back when a statement THROWs, and rejects with that statement\'s error', async () => {
    const q = atomic(create(new RecordId('item', 'tx3')).set({ n: 1 }), throwError('stop'));
    const error = await runBatch(t.client, q).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StatementError);
    expect(error).toMatchObject({ index: 1, kind: 'Thrown' });
    expect(await run(t.client, select(new RecordId('item', 'tx3')))).toEqual([]);
  });
});
