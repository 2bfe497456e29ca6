/**
 * How builder calls combine, as a Kysely user expects: a second `where` ANDs with the first,
 * list clauses (fields, set, unset, groupBy, withIndex...) add up, single-valued clauses (limit,
 * start, timeout, return) take the last call, and clauses SurrealQL cannot have together are
 * refused with a QueryBuildError instead of one being dropped. Executed on the real engine.
 */
import { RecordId } from '@sdb/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestClient, type TestClient } from '../../embedded/test-support/index.ts';
import { and, compile, create, deleteFrom, eq, fn, gt, ifThen, inside, live, lt, or, QueryBuildError, ret, run, select, update, upsert } from '../src/index.ts';

interface Item {
  id: RecordId;
  name: string;
  n: number;
  kind: string;
}

let t: TestClient;

beforeAll(async () => {
  t = await connectTestClient('ql_clauses');
  await t.client.queryAll(`
    CREATE item:a SET name = 'a', n = 1, kind = 'x';
    CREATE item:b SET name = 'b', n = 2, kind = 'y';
    CREATE item:c SET name = 'c', n = 3, kind = 'x';
    CREATE item:d SET name = 'd', n = 4, kind = 'y';
    DEFINE INDEX item_n ON item FIELDS n;
    DEFINE INDEX item_kind ON item FIELDS kind;
  `);
});

afterAll(() => t?.close());

describe('where', () => {
  it('ANDs a second where with the first on SELECT instead of dropping it', async () => {
    const q = select<Item>('item').value('name').where(eq('kind', 'x')).where(gt('n', 1));
    expect(compile(q)).toEqual({ query: 'SELECT VALUE name FROM item WHERE kind = $p0 AND n > $p1;', bindings: { p0: 'x', p1: 1 } });
    expect(await run(t.client, q)).toEqual(['c']);
  });

  it('keeps an OR inside parentheses when a second where is added', async () => {
    const q = select<Item>('item').value('name').where(or(eq('name', 'a'), eq('name', 'd'))).where(gt('n', 1));
    expect(compile(q).query).toBe('SELECT VALUE name FROM item WHERE (name = $p0 OR name = $p1) AND n > $p2;');
    expect(await run(t.client, q)).toEqual(['d']);
  });

  it('adds no WHERE for undefined or an and() of absent optional filters', async () => {
    const minimum: number | undefined = undefined;
    const q = select<Item>('item').value('name').where(and(minimum === undefined ? undefined : gt('n', minimum))).where(undefined).orderBy('name');
    expect(compile(q).query).toBe('SELECT VALUE name FROM item ORDER BY name ASC;');
    expect(await run(t.client, q)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('ANDs where on UPDATE and UPSERT', async () => {
    const q = update<Item>('item').set({ seen: true }).where(eq('kind', 'y')).where(lt('n', 3)).return(['name']);
    expect(compile(q).query).toBe('UPDATE item SET seen = $p0 WHERE kind = $p1 AND n < $p2 RETURN name;');
    expect(await run(t.client, q)).toEqual([{ name: 'b' }]);
    const u = upsert<Item>('item').set({ seen: false }).where(eq('kind', 'y')).where(gt('n', 3)).return(['name']);
    expect(compile(u).query).toBe('UPSERT item SET seen = $p0 WHERE kind = $p1 AND n > $p2 RETURN name;');
    expect(await run(t.client, u)).toEqual([{ name: 'd' }]);
  });

  it('ANDs where on DELETE', async () => {
    await run(t.client, create(new RecordId('item', 'tmp1')).set({ n: 10, kind: 'tmp' }));
    await run(t.client, create(new RecordId('item', 'tmp2')).set({ n: 20, kind: 'tmp' }));
    const q = deleteFrom('item').where(eq('kind', 'tmp')).where(gt('n', 15)).return('before');
    expect(compile(q).query).toBe('DELETE item WHERE kind = $p0 AND n > $p1 RETURN BEFORE;');
    expect((await run(t.client, q)).map((r) => String(r.id))).toEqual(['item:tmp2']);
    expect(await run(t.client, select('item').value('n').where(eq('kind', 'tmp')))).toEqual([10]);
  });

  it('ANDs where on LIVE SELECT', () => {
    expect(compile(live('item').where(eq('kind', 'x')).where(gt('n', 1))).query).toBe('LIVE SELECT * FROM item WHERE kind = $p0 AND n > $p1;');
  });
});

describe('clauses that add up', () => {
  it('SELECT fields from several calls', async () => {
    const q = select<Item>('item').fields('name').fields('n').fields({ big: gt('n', 2) }).where(eq('kind', 'x')).orderBy('name');
    expect(compile(q).query).toBe('SELECT name, n, n > $p0 AS big FROM item WHERE kind = $p1 ORDER BY name ASC;');
    expect(await run(t.client, q)).toEqual([{ name: 'a', n: 1, big: false }, { name: 'c', n: 3, big: true }]);
  });

  it('GROUP BY from several calls', async () => {
    const q = select<Item>('item').fields('kind', 'name').fields({ total: fn.count() }).where(eq('kind', 'x')).groupBy('kind').groupBy('name');
    expect(compile(q).query).toBe('SELECT kind, name, count() AS total FROM item WHERE kind = $p0 GROUP BY kind, name;');
    expect(await run(t.client, q)).toEqual([{ kind: 'x', name: 'a', total: 1 }, { kind: 'x', name: 'c', total: 1 }]);
  });

  it('WITH INDEX from several calls', async () => {
    const q = select('item').withIndex('item_n').withIndex('item_kind').where(eq('kind', 'x')).explain();
    expect(compile(q).query).toBe('SELECT * FROM item WITH INDEX item_n, item_kind WHERE kind = $p0 EXPLAIN;');
    expect(JSON.stringify(await run(t.client, q))).toContain('item_kind');
  });

  it('SET and UNSET from several calls', async () => {
    const id = new RecordId('item', 'e');
    const set = create(id).set({ name: 'e' }).set('n', '=', 5).set({ kind: 'z', extra: 1, other: 2 });
    expect(compile(set).query).toBe('CREATE $p0 SET name = $p1, n = $p2, kind = $p3, extra = $p4, other = $p5;');
    await run(t.client, set);
    const unset = update(id).unset('extra').unset('other');
    expect(compile(unset).query).toBe('UPDATE $p0 UNSET extra, other;');
    expect(await run(t.client, unset)).toEqual([{ id, name: 'e', n: 5, kind: 'z' }]);
  });

  it('LIVE SELECT fields from several calls', () => {
    expect(compile(live('item').fields('name').fields('n')).query).toBe('LIVE SELECT name, n FROM item;');
  });
});

describe('single-valued clauses: the last call wins', () => {
  it('LIMIT, START and TIMEOUT', async () => {
    const q = select<Item>('item').value('name').where(inside('kind', ['x', 'y'])).orderBy('name').limit(1).limit(2).start(0).start(1).timeout('1s').timeout('5s');
    expect(compile(q)).toEqual({ query: 'SELECT VALUE name FROM item WHERE kind INSIDE $p0 ORDER BY name ASC LIMIT $p1 START $p2 TIMEOUT 5s;', bindings: { p0: ['x', 'y'], p1: 2, p2: 1 } });
    expect(await run(t.client, q)).toEqual(['b', 'c']);
  });

  it('RETURN', async () => {
    const q = update(new RecordId('item', 'a')).set({ n: 1 }).return('before').return(['name']);
    expect(compile(q).query).toBe('UPDATE $p0 SET n = $p1 RETURN name;');
    expect(await run(t.client, q)).toEqual([{ name: 'a' }]);
  });
});

describe('clauses that cannot go together are refused', () => {
  it('fields() and value() on one SELECT', () => {
    expect(() => select('item').fields('name').value('n')).toThrow(QueryBuildError);
    expect(() => select('item').value('n').fields('name')).toThrow('fields() cannot be combined with value()');
  });

  it('ORDER BY fields and ORDER BY RAND()', () => {
    expect(() => select('item').orderBy('n').orderRandom()).toThrow(QueryBuildError);
    expect(() => select('item').orderRandom().orderBy('n')).toThrow('orderBy() cannot be combined with orderRandom()');
  });

  it('GROUP BY and GROUP ALL', () => {
    expect(() => select('item').groupBy('kind').groupAll()).toThrow(QueryBuildError);
    expect(() => select('item').groupAll().groupBy('kind')).toThrow(QueryBuildError);
  });

  it('WITH INDEX and WITH NOINDEX', () => {
    expect(() => select('item').withIndex('item_n').noIndex()).toThrow(QueryBuildError);
    expect(() => update('item').noIndex().withIndex('item_n')).toThrow(QueryBuildError);
  });

  it('two data clauses on one statement, except SET after SET and UNSET after UNSET', () => {
    expect(() => update('item').content({ a: 1 }).content({ b: 2 })).toThrow('content() cannot be combined with another content() (one data clause per statement)');
    expect(() => update('item').merge({ a: 1 }).set({ b: 2 })).toThrow('set() cannot be combined with merge()');
    expect(() => update('item').set({ a: 1 }).unset('b')).toThrow(QueryBuildError);
    expect(() => create('item').set({ a: 1 }).content({ b: 2 })).toThrow(QueryBuildError);
  });

  it('LIVE SELECT DIFF and a field list', () => {
    expect(() => live('item').diff().fields('n')).toThrow(QueryBuildError);
    expect(() => live('item').fields('n').diff()).toThrow(QueryBuildError);
  });

  it('a second ELSE, or an ELSE IF after the ELSE', () => {
    const branch = ifThen(gt(ret(1), 0), ret('yes')).else(ret('no'));
    expect(() => branch.else(ret('again'))).toThrow(QueryBuildError);
    expect(() => branch.elseIf(gt(ret(1), 0), ret('late'))).toThrow(QueryBuildError);
  });
});
