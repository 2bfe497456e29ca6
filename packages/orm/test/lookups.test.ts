/**
 * Every lookup of the table, run on the real engine (over @sdb/ws, @sdb/http and the embedded
 * client) against the same four records, including ones where the field is absent (NONE) or
 * NULL, which string functions and IS NULL get wrong when unguarded.
 */
import { batch, define } from '@sdb/ql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { f, LOOKUPS, model, QuerySetError } from '../src/index.ts';
import { suiteConnection, transportNames, type TestConnection } from './clients.ts';

const Item = model('item', {
  name: f.string(),
  label: f.string().optional(),
  size: f.int(),
  tags: f.array(f.string()).default([]),
  extra: f.any().optional(),
});

/** [filter, the names it must match]; names sorted. */
const CASES: [Record<string, unknown>, string[]][] = [
  [{ name: 'Apple' }, ['Apple']],
  [{ name__exact: 'apple' }, []],
  [{ name__iexact: 'APPLE' }, ['Apple']],
  [{ size__gt: 2 }, ['cherry', 'date']],
  [{ size__gte: 2 }, ['Banana', 'cherry', 'date']],
  [{ size__lt: 2 }, ['Apple']],
  [{ size__lte: 2 }, ['Apple', 'Banana']],
  [{ size__range: [2, 3] }, ['Banana', 'cherry']],
  [{ size__in: [1, 4] }, ['Apple', 'date']],
  [{ size__not_in: [1, 4] }, ['Banana', 'cherry']],
  [{ name__contains: 'an' }, ['Banana']],
  [{ name__not_contains: 'an' }, ['Apple', 'cherry', 'date']],
  [{ tags__contains: 'red' }, ['Apple', 'cherry']],
  [{ tags__not_contains: 'red' }, ['Banana', 'date']],
  [{ tags__containsall: ['red', 'sweet'] }, ['cherry']],
  [{ tags__containsany: ['sweet', 'yellow'] }, ['Banana', 'cherry']],
  [{ tags__containsnone: ['red', 'yellow'] }, ['date']],
  [{ name__icontains: 'ERR' }, ['cherry']],
  [{ name__startswith: 'B' }, ['Banana']],
  [{ name__istartswith: 'b' }, ['Banana']],
  [{ name__endswith: 'e' }, ['Apple', 'date']],
  [{ name__iendswith: 'E' }, ['Apple', 'date']],
  [{ name__regex: '^[A-Z]' }, ['Apple', 'Banana']],
  [{ name__iregex: '^[a-c]' }, ['Apple', 'Banana', 'cherry']],
  // like/ilike: SQL patterns as whole-string regexes; `%` and `_` are wildcards, the rest literal.
  [{ name__like: '%an%' }, ['Banana']],
  [{ name__like: 'a%' }, []],
  [{ name__ilike: 'a%' }, ['Apple']],
  [{ name__like: 'd_te' }, ['date']],
  [{ name__like: 'd.te' }, []],
  [{ name__like: 'Apple%' }, ['Apple']],
  [{ name__like: 'Apple\\%' }, []],
  [{ name__ilike: '[a-c]%' }, []],
  [{ label__like: 'f%' }, ['Apple']],
  // `label` is absent on two records: the string lookups skip them instead of failing.
  [{ label__istartswith: 'f' }, ['Apple']],
  [{ label__iexact: 'FRUIT' }, ['Apple']],
  [{ label__isnull: true }, ['Banana', 'date']],
  [{ label__isnull: false }, ['Apple', 'cherry']],
  // `extra` is NULL on one record and absent on two: isnull (and exact null) matches all three.
  [{ extra__isnull: true }, ['Apple', 'Banana', 'date']],
  [{ extra: null }, ['Apple', 'Banana', 'date']],
  [{ extra__isnull: false }, ['cherry']],
  // `name` has a FULLTEXT index (lowercasing analyzer): `@@` finds the word in any case.
  [{ name__match: 'banana' }, ['Banana']],
  [{ name__match: 'CHERRY' }, ['cherry']],
  [{ name__match: 'kiwi' }, []],
];

describe.each(transportNames)('lookups over %s', (transport) => {
  let db: TestConnection;

  beforeAll(async () => {
    db = await suiteConnection(transport, 'orm_lookups', [Item]);
    await db.client.queryAll(batch(define.analyzer('words').tokenizers('blank').filters('lowercase'), define.index('item_name_search', 'item').fields('name').fulltext('words')));
    await Item.objects.bulkCreate([
      { name: 'Apple', label: 'fruit', size: 1, tags: ['red'] },
      { name: 'Banana', size: 2, tags: ['yellow', 'sweet'] },
      { name: 'cherry', label: 'Berry', size: 3, tags: ['red', 'sweet'], extra: 1 },
      { name: 'date', size: 4 },
    ]);
    // `extra: null` cannot be written through the ORM (NULL is refused); write it directly.
    await db.client.queryAll('UPDATE item SET extra = NULL WHERE name = "Apple"');
  });

  afterAll(() => db?.close());

  it.each(CASES)('%o matches %o', async (filter, expected) => {
    const names = await Item.objects.filter(filter as never).orderBy('name').valuesList('name', { flat: true });
    expect([...names].sort()).toEqual(expected);
  });

  it('covers every lookup in the table', () => {
    const used = new Set(CASES.flatMap(([filter]) => Object.keys(filter).map((key) => key.split('__')[1] ?? 'exact')));
    // The geometry lookups (near, within) need a geometry field: test/search.test.ts covers them.
    expect([...used].sort()).toEqual(Object.keys(LOOKUPS).filter((name) => name !== 'near' && name !== 'within').sort());
  });

  it('match on a field without a FULLTEXT index matches nothing, with no error (SurrealDB 3 is silent there)', async () => {
    expect(await Item.objects.filter({ name: 'Apple' }).valuesList('label', { flat: true })).toEqual(['fruit']);
    expect(await Item.objects.filter({ label__match: 'fruit' }).count()).toBe(0);
  });

  it('refuses a lookup value of the wrong shape with a QuerySetError', async () => {
    await expect(Item.objects.filter({ size__in: 3 } as never).count()).rejects.toBeInstanceOf(QuerySetError);
    await expect(Item.objects.filter({ size__range: [1] } as never).count()).rejects.toThrow(/\[low, high\]/);
    await expect(Item.objects.filter({ label__isnull: 'yes' } as never).count()).rejects.toThrow(/true or false/);
    await expect(Item.objects.filter({ name__match: 3 } as never).count()).rejects.toThrow(/takes a string/);
  });
});
