/**
 * `export()` and `import()` over their HTTP routes: what one database exports, another imports
 * back to the same schema and records.
 */
import { RecordId } from '@sdb/protocol';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { connect, type HttpClient } from '@sdb/http';
import { rootClient, surrealdb, uniqueScope } from './support.ts';

let source: HttpClient;
let target: HttpClient;

beforeEach(async () => {
  ({ db: source } = await rootClient());
  ({ db: target } = await rootClient());
});

afterEach(async () => {
  await Promise.all([source.close(), target.close()]);
});

it('round trip: export from one database, import into another, same records', async () => {
  await source.queryAll('DEFINE TABLE book SCHEMAFULL; DEFINE FIELD title ON book TYPE string; DEFINE FIELD pages ON book TYPE int');
  await source.insert('book', [
    { id: new RecordId('book', 1), title: 'Dune', pages: 412 },
    { id: new RecordId('book', 2), title: "L'Étranger", pages: 123 },
  ]);
  const script = await source.export();
  expect(script).toContain('DEFINE TABLE book');

  await target.import(script);
  expect(await target.select('book')).toEqual(await source.select('book'));
  const [info] = await target.queryAll<[{ fields: Record<string, string> }]>('INFO FOR TABLE book');
  expect(Object.keys(info.fields).sort()).toEqual(['pages', 'title']);
});

it('export options: records false exports the schema only', async () => {
  await source.queryAll('DEFINE TABLE note SCHEMALESS');
  await source.create(new RecordId('note', 'a'), { text: 'hello' });
  const script = await source.export({ records: false });
  expect(script).toContain('DEFINE TABLE note');
  expect(script).not.toContain('hello');
});

it('import and export without credentials are refused with NotAllowedError (HTTP 401)', async () => {
  const guest = await connect(surrealdb().httpUrl, uniqueScope('guest'));
  try {
    await expect(guest.import('CREATE note:1')).rejects.toMatchObject({ name: 'NotAllowedError', status: 401 });
    await expect(guest.export()).rejects.toMatchObject({ name: 'NotAllowedError', status: 401 });
  } finally {
    await guest.close();
  }
});
