/**
 * Names that are SurrealQL keywords. SurrealDB 3.0.2 takes `DEFINE FIELD` under a keyword that
 * begins an expression (`SELECT`, `IF`, `NONE`...) and then fails every write to the table, so
 * model() and edge() refuse such a field name up front; every other keyword-like name (a table
 * named `select`, fields named `value` or `from`, nested keys) is escaped and works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edge, f, model, ModelDefinitionError } from '../src/index.ts';
import { suiteConnection, transportNames, type TestConnection } from './clients.ts';

describe('keyword field names refused at declaration', () => {
  it.each(['select', 'SELECT', 'If', 'none', 'true', 'return'])('model() refuses a field named %s, naming the word and why', (word) => {
    expect(() => model('thing', { [word]: f.string() })).toThrow(ModelDefinitionError);
    expect(() => model('thing', { [word]: f.string() })).toThrow(`thing.${word}: "${word}" is a SurrealQL keyword that begins an expression; SurrealDB 3 fails every write`);
  });

  it('edge() refuses such a field on the edge too', () => {
    const Node = model('node', { name: f.string() });
    expect(() => edge('links', { from: () => Node, to: () => Node }, { update: f.int() })).toThrow(/links\.update: "update" is a SurrealQL keyword/);
  });

  it('keywords that do not begin an expression are accepted as field names, and any keyword as a table name', () => {
    expect(() => model('select', { value: f.string(), from: f.string(), where: f.int() })).not.toThrow();
  });
});

const Keyworded = model('select', {
  value: f.string(),
  from: f.string().optional(),
  only: f.int().default(0),
  meta: f.object({ select: f.string() }).optional(),
});

describe.each(transportNames)('keyword-like names round-trip over %s', (transport) => {
  let db: TestConnection;
  beforeAll(async () => {
    db = await suiteConnection(transport, 'orm_keywords', [Keyworded]);
  });
  afterAll(() => db?.close());

  it('a table named select with fields value, from, only and a nested key select: create, filter, update, save, delete', async () => {
    const row = await Keyworded.objects.create({ value: 'v', from: 'f', meta: { select: 's' } });
    expect(await Keyworded.objects.filter({ value: 'v', from__startswith: 'f', meta__select: 's' }).count()).toBe(1);
    await Keyworded.objects.filter({ value: 'v' }).update({ only: 2 });
    row.value = 'w';
    await row.save();
    await row.refresh();
    expect({ value: row.value, from: row.from, only: row.only, meta: row.meta }).toEqual({ value: 'w', from: 'f', only: 2, meta: { select: 's' } });
    await row.delete();
    expect(await Keyworded.objects.count()).toBe(0);
  });
});
