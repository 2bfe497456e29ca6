/**
 * REBUILD INDEX on the real engine: the compiled text, a rebuild that keeps the index working,
 * and IF EXISTS for an index that is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestClient, type TestClient } from '../../embedded/test-support/index.ts';
import { batch, compile, create, define, eq, field, rebuildIndex, run, select } from '../src/index.ts';

let t: TestClient;

beforeAll(async () => {
  t = await connectTestClient('ql_rebuild');
  await t.client.queryAll(batch(define.table('book'), define.field('isbn', 'book').type('string'), define.index('book_isbn', 'book').fields('isbn').unique(), create('book').set({ isbn: '978-1' })));
});

afterAll(() => t?.close());

describe('REBUILD INDEX', () => {
  it('compiles to REBUILD INDEX name ON table, with IF EXISTS on request', () => {
    expect(compile(rebuildIndex('book_isbn', 'book')).query).toBe('REBUILD INDEX book_isbn ON book;');
    expect(compile(rebuildIndex('book_isbn', 'book').ifExists()).query).toBe('REBUILD INDEX IF EXISTS book_isbn ON book;');
  });

  it('rebuilds an index that then still finds and guards the records', async () => {
    await run(t.client, rebuildIndex('book_isbn', 'book'));
    expect(await run(t.client, select('book').where(eq(field('isbn'), '978-1')))).toHaveLength(1);
    await expect(run(t.client, create('book').set({ isbn: '978-1' }))).rejects.toThrow(/already contains/);
  });

  it('fails on a missing index unless IF EXISTS', async () => {
    await expect(run(t.client, rebuildIndex('missing', 'book'))).rejects.toThrow(/does not exist/);
    await expect(run(t.client, rebuildIndex('missing', 'book').ifExists())).resolves.toBeUndefined();
  });
});
