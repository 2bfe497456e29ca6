/**
 * CREATE, INSERT, UPDATE, UPSERT, DELETE and RELATE: compiled text checked and run on the real engine.
 */
import { RecordId, Table } from '@sdb/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestClient, type TestClient } from '../../embedded/test-support/index.ts';
import { add, compile, create, deleteFrom, eq, fn, insert, inside, insertValues, relate, run, select, traverse, update, upsert } from '../src/index.ts';

let t: TestClient;
const ann = new RecordId('person', 'ann');
const bob = new RecordId('person', 'bob');

beforeAll(async () => {
  t = await connectTestClient('ql_mutate');
});

afterAll(() => t?.close());

describe('CREATE', () => {
  it('creates with CONTENT bound as one parameter', async () => {
    const q = create(ann).content({ name: 'Ann', age: 31 });
    expect(compile(q)).toEqual({ query: 'CREATE $p0 CONTENT $p1;', bindings: { p0: ann, p1: { name: 'Ann', age: 31 } } });
    expect(await run(t.client, q)).toEqual([{ id: ann, name: 'Ann', age: 31 }]);
  });

  it('creates ONLY one record with SET and returns chosen fields', async () => {
    const q = create('person').only().set({ name: 'Bob', age: 25 }).set('tags', '+=', 'new').return(['name', 'tags']);
    expect(compile(q).query).toBe('CREATE ONLY person SET name = $p0, age = $p1, tags += $p2 RETURN name, tags;');
    expect(await run(t.client, q)).toEqual({ name: 'Bob', tags: ['new'] });
  });

  it('returns NONE and accepts a TIMEOUT', async () => {
    const q = create(new Table('thing')).set({ n: 1 }).return('none').timeout('2s');
    expect(compile(q).query).toBe('CREATE $p0 SET n = $p1 RETURN NONE TIMEOUT 2s;');
    expect(await run(t.client, q)).toEqual([]);
  });

  it('takes an array path verbatim: a field named `*` or `a.b` is one escaped field, not a wildcard or a nested path', async () => {
    const q = create(new RecordId('odd', 1)).set(['*'], '=', 'star').set(['a.b'], '=', 'dot').return('after');
    expect(compile(q).query).toBe('CREATE $p0 SET `*` = $p1, `a.b` = $p2 RETURN AFTER;');
    expect(await run(t.client, q)).toEqual([{ id: new RecordId('odd', 1), '*': 'star', 'a.b': 'dot' }]);
  });

  it('mixes function calls into CONTENT as an object literal', async () => {
    const q = create(new RecordId('person', 'cat')).content({ name: fn.string.uppercase('cat'), age: 3 });
    expect(compile(q).query).toBe('CREATE $p0 CONTENT { name: string::uppercase($p1), age: $p2 };');
    expect(await run(t.client, q)).toEqual([{ id: new RecordId('person', 'cat'), name: 'CAT', age: 3 }]);
  });
});

describe('INSERT', () => {
  it('inserts an array of rows', async () => {
    const q = insert('animal', [{ id: 1, kind: 'cat' }, { id: 2, kind: 'dog' }]);
    expect(compile(q).query).toBe('INSERT INTO animal $p0;');
    expect(await run(t.client, q)).toHaveLength(2);
  });

  it('inserts rows that carry their own record ids, without INTO', async () => {
    const id = new RecordId('animal', 9);
    const q = insert(undefined, [{ id, kind: 'owl' }]);
    expect(compile(q).query).toBe('INSERT $p0;');
    expect(await run(t.client, q)).toEqual([{ id, kind: 'owl' }]);
    await run(t.client, deleteFrom(id));
  });

  it('inserts with (fields) VALUES rows', async () => {
    const q = insertValues('animal', ['id', 'kind'], [[3, 'cow'], [4, 'pig']]);
    expect(compile(q)).toEqual({ query: 'INSERT INTO animal (id, kind) VALUES ($p0, $p1), ($p2, $p3);', bindings: { p0: 3, p1: 'cow', p2: 4, p3: 'pig' } });
    expect((await run(t.client, q)).map((r) => r.kind)).toEqual(['cow', 'pig']);
  });

  it('skips existing ids with IGNORE', async () => {
    const q = insert('animal', { id: 1, kind: 'tiger' }).ignore();
    expect(compile(q).query).toBe('INSERT IGNORE INTO animal $p0;');
    await run(t.client, q);
    expect(await run(t.client, select(new RecordId('animal', 1)).only().value('kind'))).toBe('cat');
  });

  it('updates existing ids with ON DUPLICATE KEY UPDATE', async () => {
    const q = insert('animal', { id: 2, kind: 'wolf', seen: 1 }).onDuplicate('seen', '+=', 1).onDuplicate({ kind: 'dog!' });
    expect(compile(q).query).toBe('INSERT INTO animal $p0 ON DUPLICATE KEY UPDATE seen += $p1, kind = $p2;');
    const [row] = await run(t.client, q);
    expect(row).toMatchObject({ kind: 'dog!', seen: 1 });
  });

  it('inserts edges with INSERT RELATION', async () => {
    await run(t.client, create(bob).set({ name: 'Bob' }));
    const q = insert('likes', { in: ann, out: bob, since: 2020 }).relation().return(['in', 'out']);
    expect(compile(q).query).toBe('INSERT RELATION INTO likes $p0 RETURN in, out;');
    expect(await run(t.client, q)).toEqual([{ in: ann, out: bob }]);
  });
});

describe('UPDATE and UPSERT', () => {
  it('merges into matching records and returns the DIFF', async () => {
    const q = update('person').merge({ city: 'Paris' }).where(eq('name', 'Ann')).return('diff');
    expect(compile(q).query).toBe('UPDATE person MERGE $p0 WHERE name = $p1 RETURN DIFF;');
    expect(await run(t.client, q)).toEqual([[{ op: 'add', path: '/city', value: 'Paris' }]]);
  });

  it('increments and decrements with += and -=, and UNSETs', async () => {
    const inc = update(ann).set('age', '+=', 2).set('score', '-=', 1).return('after');
    expect(compile(inc).query).toBe('UPDATE $p0 SET age += $p1, score -= $p2 RETURN AFTER;');
    expect(await run(t.client, inc)).toEqual([{ id: ann, name: 'Ann', age: 33, city: 'Paris', score: -1 }]);
    const unset = update(ann).unset('score', 'city').return('before');
    expect(compile(unset).query).toBe('UPDATE $p0 UNSET score, city RETURN BEFORE;');
    expect(await run(t.client, unset)).toEqual([{ id: ann, name: 'Ann', age: 33, city: 'Paris', score: -1 }]);
  });

  it('sets a field from an expression over itself', async () => {
    const q = update(ann).only().set({ age: add('age', 10) }).return(['age']);
    expect(compile(q).query).toBe('UPDATE ONLY $p0 SET age = age + $p1 RETURN age;');
    expect(await run(t.client, q)).toEqual({ age: 43 });
  });

  it('replaces a record with REPLACE and patches it with PATCH', async () => {
    const replaced = update(bob).replace({ name: 'Robert' });
    expect(compile(replaced).query).toBe('UPDATE $p0 REPLACE $p1;');
    expect(await run(t.client, replaced)).toEqual([{ id: bob, name: 'Robert' }]);
    const patched = update(bob).patch([{ op: 'add', path: '/nick', value: 'Bobby' }]);
    expect(compile(patched).query).toBe('UPDATE $p0 PATCH $p1;');
    expect(await run(t.client, patched)).toEqual([{ id: bob, name: 'Robert', nick: 'Bobby' }]);
  });

  it('replaces the whole record with CONTENT', async () => {
    expect(await run(t.client, update(bob).content({ name: 'Bob' }))).toEqual([{ id: bob, name: 'Bob' }]);
  });

  it('UPSERT creates a missing record and updates an existing one', async () => {
    const q = (n: number) => upsert(new RecordId('counter', 'hits')).set('n', '+=', n).return(['n']);
    expect(compile(q(1)).query).toBe('UPSERT $p0 SET n += $p1 RETURN n;');
    expect(await run(t.client, q(1))).toEqual([{ n: 1 }]);
    expect(await run(t.client, q(5))).toEqual([{ n: 6 }]);
  });
});

describe('DELETE', () => {
  it('deletes matching records and returns them as they were', async () => {
    const q = deleteFrom('animal').where(inside('kind', ['cow', 'pig'])).return('before');
    expect(compile(q).query).toBe('DELETE animal WHERE kind INSIDE $p0 RETURN BEFORE;');
    expect((await run(t.client, q)).map((r) => r.kind).sort()).toEqual(['cow', 'pig']);
    expect(await run(t.client, select('animal').value('kind').orderBy('kind'))).toHaveLength(2);
  });

  it('deletes ONLY one record id', async () => {
    const q = deleteFrom(new RecordId('animal', 1)).only();
    expect(compile(q).query).toBe('DELETE ONLY $p0;');
    await run(t.client, q);
    expect(await run(t.client, select(new RecordId('animal', 1)))).toEqual([]);
  });
});

describe('arrays of record ids as targets', () => {
  const ids = [new RecordId('many', 3), new RecordId('many', 1), new RecordId('many', 2)];

  it('creates, updates and deletes with one bound parameter per id, in the order given', async () => {
    const made = create(ids).set({ n: 0 }).return(['id']);
    expect(compile(made)).toEqual({ query: 'CREATE $p0, $p1, $p2 SET n = $p3 RETURN id;', bindings: { p0: ids[0], p1: ids[1], p2: ids[2], p3: 0 } });
    expect(await run(t.client, made)).toEqual(ids.map((id) => ({ id })));
    const changed = update(ids.slice(0, 2)).set('n', '+=', 5).return(['id', 'n']);
    expect(compile(changed).query).toBe('UPDATE $p0, $p1 SET n += $p2 RETURN id, n;');
    expect(await run(t.client, changed)).toEqual([{ id: ids[0], n: 5 }, { id: ids[1], n: 5 }]);
    const upserted = upsert([ids[2], new RecordId('many', 4)]).set({ n: 9 }).return(['id']);
    expect(compile(upserted).query).toBe('UPSERT $p0, $p1 SET n = $p2 RETURN id;');
    expect(await run(t.client, upserted)).toEqual([{ id: ids[2] }, { id: new RecordId('many', 4) }]);
    const removed = deleteFrom([ids[1], new RecordId('many', 4)]).return('before');
    expect(compile(removed).query).toBe('DELETE $p0, $p1 RETURN BEFORE;');
    expect((await run(t.client, removed)).map((r) => r.id)).toEqual([ids[1], new RecordId('many', 4)]);
    expect(await run(t.client, select('many').value('id').orderBy('id'))).toEqual([new RecordId('many', 2), new RecordId('many', 3)]);
  });

  it('changes nothing for an empty array', async () => {
    const q = update([]).set({ n: 1 });
    expect(compile(q)).toEqual({ query: 'UPDATE $p0 SET n = $p1;', bindings: { p0: [], p1: 1 } });
    expect(await run(t.client, q)).toEqual([]);
    expect(await run(t.client, deleteFrom([]).return('before'))).toEqual([]);
  });
});

describe('RELATE', () => {
  it('relates two bound records through an edge table and sets edge fields', async () => {
    const q = relate(ann, 'knows', bob).set({ since: 2021 }).return(['in', 'out', 'since']);
    expect(compile(q).query).toBe('RELATE $p0->knows->$p1 SET since = $p2 RETURN in, out, since;');
    expect(await run(t.client, q)).toEqual([{ in: ann, out: bob, since: 2021 }]);
  });

  it('relates ONLY once with CONTENT, and the edge is traversable', async () => {
    const q = relate(bob, new Table('knows'), ann).only().content({ since: 2022 });
    expect(compile(q).query).toBe('RELATE ONLY $p0->$p1->$p2 CONTENT $p3;');
    expect(await run(t.client, q)).toMatchObject({ in: bob, out: ann, since: 2022 });
    expect(await run(t.client, select(ann).only().value(traverse.in('knows').in('person').field('name')))).toEqual(['Bob']);
  });

  it('relates many records at once from arrays', async () => {
    const cat = new RecordId('person', 'cat');
    const q = relate([ann, bob], 'follows', [cat]).return('none');
    expect(compile(q).query).toBe('RELATE $p0->follows->$p1 RETURN NONE;');
    await run(t.client, q);
    expect(await run(t.client, select(cat).only().value(traverse.in('follows').field('id')))).toHaveLength(2);
  });
});
