/**
 * SELECT: each clause compiled (SurrealQL text checked) and executed on the real engine.
 */
import { Datetime, RecordId, Table } from '@sdb/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestClient, type TestClient } from '../../embedded/test-support/index.ts';
import { and, compile, eq, field, fn, gt, gte, knn, matches, param, relate, run, select, traverse, update } from '../src/index.ts';

interface Person {
  id: RecordId;
  name: string;
  age: number;
  city: string;
  tags: string[];
}

let t: TestClient;

beforeAll(async () => {
  t = await connectTestClient('ql_select');
  await t.client.queryAll(`
    CREATE person:ann SET name = 'Ann', age = 31, city = 'Paris', tags = ['a', 'b'], v = [0.0, 0.0];
    CREATE person:bob SET name = 'Bob', age = 25, city = 'Lyon', tags = ['b'], v = [1.0, 1.0];
    CREATE person:cid SET name = 'cid', age = 40, city = 'Paris', tags = [], v = [5.0, 5.0];
    CREATE person:dan SET name = 'Dan', age = 9, city = 'Nice', tags = ['c'], v = [9.0, 9.0];
    DEFINE INDEX person_age ON person FIELDS age;
  `);
  await run(t.client, relate(new RecordId('person', 'ann'), 'knows', new RecordId('person', 'bob')).set({ since: 2020 }));
});

afterAll(() => t?.close());

describe('SELECT', () => {
  it('selects every field from a table by name', async () => {
    const q = select<Person>('person');
    expect(compile(q)).toEqual({ query: 'SELECT * FROM person;', bindings: {} });
    expect(await run(t.client, q)).toHaveLength(4);
  });

  it('binds the WHERE values and narrows the fields', async () => {
    const q = select<Person>('person').fields('name', 'age').where(and(gte('age', 25), eq('city', 'Paris')));
    expect(compile(q)).toEqual({ query: 'SELECT name, age FROM person WHERE age >= $p0 AND city = $p1;', bindings: { p0: 25, p1: 'Paris' } });
    const rows = await run(t.client, q.orderBy('age'));
    expect(rows).toEqual([{ name: 'Ann', age: 31 }, { name: 'cid', age: 40 }]);
  });

  it('puts ORDER BY before LIMIT before START, then FETCH, as the grammar requires', async () => {
    const q = select<Person>('person').fetch('friends').start(1).limit(2).orderBy('age', 'desc');
    expect(compile(q).query).toBe('SELECT * FROM person ORDER BY age DESC LIMIT $p0 START $p1 FETCH friends;');
    const rows = await run(t.client, q);
    expect(rows.map((r) => r.name)).toEqual(['Ann', 'Bob']);
  });

  it('orders by several fields with COLLATE and NUMERIC', async () => {
    // The engine wants every ORDER BY idiom in the selection.
    const q = select<Person>('person').fields('city', 'name').orderBy('city', 'desc').orderBy('name', 'asc', { collate: true, numeric: true });
    expect(compile(q).query).toBe('SELECT city, name FROM person ORDER BY city DESC, name COLLATE NUMERIC ASC;');
    expect((await run(t.client, q)).map((r) => r.name)).toEqual(['Ann', 'cid', 'Dan', 'Bob']);
  });

  it('orders randomly with ORDER BY RAND()', async () => {
    const q = select<Person>('person').value('name').orderRandom();
    expect(compile(q).query).toBe('SELECT VALUE name FROM person ORDER BY RAND();');
    expect((await run(t.client, q)).sort()).toEqual(['Ann', 'Bob', 'Dan', 'cid']);
  });

  it('selects VALUE and OMIT', async () => {
    const omitted = select<Person>(new RecordId('person', 'ann')).omit('tags', 'v').only();
    expect(compile(omitted).query).toBe('SELECT * OMIT tags, v FROM ONLY $p0;');
    expect(await run(t.client, omitted)).toEqual({ id: new RecordId('person', 'ann'), name: 'Ann', age: 31, city: 'Paris' });
  });

  it('selects FROM ONLY a record id bound as a parameter', async () => {
    const q = select<Person>(new RecordId('person', 'bob')).only().value('name');
    expect(compile(q)).toEqual({ query: 'SELECT VALUE name FROM ONLY $p0;', bindings: { p0: new RecordId('person', 'bob') } });
    expect(await run(t.client, q)).toBe('Bob');
  });

  it('selects from an array of record ids with one bound parameter per id, honouring ORDER BY and a field list', async () => {
    // A bound array is one value to SurrealDB 3.0: `SELECT name FROM $ids` fails ("Specify a
    // database to use") and ORDER BY is ignored, so each id gets its own parameter.
    const ids = [new RecordId('person', 'cid'), new RecordId('person', 'ann'), new RecordId('person', 'bob')];
    const q = select<Person>(ids).fields('name').orderBy('name', 'desc');
    expect(compile(q)).toEqual({ query: 'SELECT name FROM $p0, $p1, $p2 ORDER BY name DESC;', bindings: { p0: ids[0], p1: ids[1], p2: ids[2] } });
    expect(await run(t.client, q)).toEqual([{ name: 'cid' }, { name: 'Bob' }, { name: 'Ann' }]);
    expect(await run(t.client, select<Person>(ids).value('age'))).toEqual([40, 31, 25]);
  });

  it('selects nothing from an empty array of record ids', async () => {
    const q = select<Person>([]).fields('name');
    expect(compile(q)).toEqual({ query: 'SELECT name FROM $p0;', bindings: { p0: [] } });
    expect(await run(t.client, q)).toEqual([]);
  });

  it('selects from a Table value bound as a parameter', async () => {
    const q = select<Person>(new Table('person')).value('name').where(eq('name', 'Dan'));
    expect(compile(q).query).toBe('SELECT VALUE name FROM $p0 WHERE name = $p1;');
    expect(await run(t.client, q)).toEqual(['Dan']);
  });

  it('aliases computed fields and groups them', async () => {
    const q = select('person').fields({ city: field('city'), total: fn.count(), avgAge: fn.math.mean(field('age')) }).groupBy('city').orderBy('city');
    expect(compile(q).query).toBe('SELECT city AS city, count() AS total, math::mean(age) AS avgAge FROM person GROUP BY city ORDER BY city ASC;');
    expect(await run(t.client, q)).toEqual([
      { city: 'Lyon', total: 1, avgAge: 25 },
      { city: 'Nice', total: 1, avgAge: 9 },
      { city: 'Paris', total: 2, avgAge: 35.5 },
    ]);
  });

  it('groups everything with GROUP ALL', async () => {
    const q = select('person').fields({ total: fn.count() }).groupAll();
    expect(compile(q).query).toBe('SELECT count() AS total FROM person GROUP ALL;');
    expect(await run(t.client, q)).toEqual([{ total: 4 }]);
  });

  it('splits an array field into one row per element', async () => {
    const q = select<Person>('person').fields('name', 'tags').split('tags').where(eq('name', 'Ann'));
    expect(compile(q).query).toBe('SELECT name, tags FROM person WHERE name = $p0 SPLIT tags;');
    expect(await run(t.client, q)).toEqual([{ name: 'Ann', tags: 'a' }, { name: 'Ann', tags: 'b' }]);
  });

  it('follows graph edges with ->knows->person', async () => {
    const q = select('person').fields({ friends: traverse.out('knows').out('person').field('name') }).where(eq('name', 'Ann'));
    expect(compile(q).query).toBe('SELECT ->knows->person.name AS friends FROM person WHERE name = $p0;');
    expect(await run(t.client, q)).toEqual([{ friends: ['Bob'] }]);
    const back = select(new RecordId('person', 'bob')).value(traverse.in('knows').in('person').field('name')).only();
    expect(compile(back).query).toBe('SELECT VALUE <-knows<-person.name FROM ONLY $p0;');
    expect(await run(t.client, back)).toEqual(['Ann']);
  });

  it('filters graph steps with ->(edge WHERE ...) and walks several edge tables', async () => {
    const q = select(new RecordId('person', 'ann')).only().value(traverse.out('knows', gt('since', 2000)).out('person', gte('age', 18)).field('name'));
    expect(compile(q).query).toBe('SELECT VALUE ->(knows WHERE since > $p0)->(person WHERE age >= $p1).name FROM ONLY $p2;');
    expect(await run(t.client, q)).toEqual(['Bob']);
    const none = select(new RecordId('person', 'ann')).only().value(traverse.out(['knows', 'likes']).out('person', gt('age', 99)));
    expect(compile(none).query).toBe('SELECT VALUE ->(knows, likes)->(person WHERE age > $p0) FROM ONLY $p1;');
    expect(await run(t.client, none)).toEqual([]);
  });

  it('repeats a graph path with .{min..max+collect}(...), every record reached once', async () => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((key) => new RecordId('chain', key)) as [RecordId, RecordId, RecordId, RecordId];
    await t.client.queryAll('CREATE chain:a, chain:b, chain:c, chain:d');
    for (const [from, to] of [[a, b], [b, c], [c, d], [c, a]] as const) await run(t.client, relate(from, 'links', to));
    const reach = (max: number) => select(a).only().value(traverse.recurse(traverse.out('links').out('chain'), { max }));
    expect(compile(reach(2)).query).toBe('SELECT VALUE @.{1..2+collect}(->links->chain) FROM ONLY $p0;');
    expect((await run(t.client, reach(2))).map(String)).toEqual(['chain:b', 'chain:c']);
    expect(new Set((await run(t.client, reach(5))).map(String))).toEqual(new Set(['chain:a', 'chain:b', 'chain:c', 'chain:d']));
    expect(() => traverse.recurse(traverse.out('links'), { min: 3, max: 2 })).toThrow(/min depth/);
    expect(() => traverse.recurse(traverse.out('links'), { max: 0 })).toThrow(/1\.\.256/);
  });

  it('forces an index WITH INDEX, or none WITH NOINDEX, and EXPLAINs the plan', async () => {
    const q = select('person').withIndex('person_age').where(gt('age', 30)).explain();
    expect(compile(q).query).toBe('SELECT * FROM person WITH INDEX person_age WHERE age > $p0 EXPLAIN;');
    expect(JSON.stringify(await run(t.client, q))).toContain('person_age');
    const scan = select('person').noIndex().where(gt('age', 30)).explain(true);
    expect(compile(scan).query).toBe('SELECT * FROM person WITH NOINDEX WHERE age > $p0 EXPLAIN FULL;');
    expect(JSON.stringify(await run(t.client, scan))).not.toContain('person_age');
  });

  it('adds TIMEOUT and TEMPFILES at the end', async () => {
    const q = select<Person>('person').value('name').where(eq('name', 'Bob')).timeout('5s').tempfiles();
    expect(compile(q).query).toBe('SELECT VALUE name FROM person WHERE name = $p0 TIMEOUT 5s TEMPFILES;');
    expect(await run(t.client, q)).toEqual(['Bob']);
  });

  it('reads the past with VERSION and a bound datetime', async () => {
    const before = new Datetime('2000-01-01T00:00:00Z');
    const q = select<Person>(new RecordId('person', 'ann')).value('name').version(before);
    expect(compile(q)).toEqual({ query: 'SELECT VALUE name FROM $p0 VERSION $p1;', bindings: { p0: new RecordId('person', 'ann'), p1: before } });
    expect(await run(t.client, q)).toEqual([]);
    // Before the record existed there is nothing; a later instant is refused by this in-memory
    // engine ("Can not fetch value at a future version"), so only the past is checked here.
    expect(await run(t.client, select<Person>('person').value('name').version(new Datetime('2000-01-01T00:00:00Z')))).toEqual([]);
  });

  it('replaces record links with the records they point to using FETCH', async () => {
    await run(t.client, update(new RecordId('person', 'dan')).set({ best: new RecordId('person', 'ann') }));
    const q = select<{ best: Person }>(new RecordId('person', 'dan')).only().fields('best').fetch('best');
    expect(compile(q).query).toBe('SELECT best FROM ONLY $p0 FETCH best;');
    expect(await run(t.client, q)).toMatchObject({ best: { name: 'Ann', age: 31 } });
  });

  it('finds nearest neighbours with <|k,DISTANCE|> and reads their distance', async () => {
    const q = select('person').fields({ name: field('name'), d: fn.vector.distance.knn() }).where(knn('v', [0, 0], 2, { distance: 'EUCLIDEAN' })).orderBy('d');
    expect(compile(q).query).toBe('SELECT name AS name, vector::distance::knn() AS d FROM person WHERE v <|2,EUCLIDEAN|> $p0 ORDER BY d ASC;');
    const rows = (await run(t.client, q)) as { name: string; d: number }[];
    expect(rows.map((r) => r.name)).toEqual(['Ann', 'Bob']);
  });

  it('matches full text with @1@ and reads the score', async () => {
    await t.client.queryAll(`
      DEFINE ANALYZER words TOKENIZERS blank FILTERS lowercase;
      DEFINE INDEX post_body ON post FIELDS body FULLTEXT ANALYZER words BM25;
      CREATE post:1 SET body = 'The quick brown fox';
      CREATE post:2 SET body = 'A lazy dog';
      CREATE post:3 SET body = 'Another lazy cat';
    `);
    const q = select('post').fields({ id: field('id'), score: fn.search.score(1) }).where(matches('body', 'quick', 1));
    expect(compile(q).query).toBe('SELECT id AS id, search::score(1) AS score FROM post WHERE body @1@ $p0;');
    const rows = (await run(t.client, q)) as { id: RecordId; score: number }[];
    expect(rows.map((r) => String(r.id))).toEqual(['post:1']);
    expect(rows[0]!.score).toBeGreaterThan(0);
  });

  it('nests a SELECT as a subquery in parentheses', async () => {
    const q = select('person').value('name').where(eq('age', select('person').value(fn.math.max(field('age'))).groupAll()));
    expect(compile(q).query).toBe('SELECT VALUE name FROM person WHERE age = (SELECT VALUE math::max(age) FROM person GROUP ALL);');
    expect(await run(t.client, q)).toEqual([]);
    const top = select('person').value('name').where(eq('age', fn.array.first(select('person').value('age').orderBy('age', 'desc').limit(1))));
    expect(await run(t.client, top)).toEqual(['cid']);
  });

  it('uses a LET parameter by name with param()', async () => {
    const q = select('person').value('name').where(eq('city', param('city')));
    expect(compile(q).query).toBe('SELECT VALUE name FROM person WHERE city = $city;');
  });
});
