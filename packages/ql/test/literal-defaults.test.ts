/**
 * Values written into schema statements (DEFAULT, VALUE...) go through @sdb/protocol's one
 * literal printer: what the engine stores is the value the builder was given.
 */
import { RecordId, Table } from '@sdb/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestClient, type TestClient } from '../../embedded/test-support/index.ts';
import { compile, create, define, run, runBatch, batch } from '../src/index.ts';

let t: TestClient;

beforeAll(async () => {
  t = await connectTestClient('ql_literal_defaults');
});

afterAll(() => t?.close());

describe('DEFAULT values printed as literals', () => {
  it('a Table default named by a reserved word is stored as that table', async () => {
    const field = define.field('kind', 'thing').default(new Table('select'));
    expect(compile(field).query).toBe("DEFINE FIELD kind ON TABLE thing DEFAULT type::table('select');");
    await run(t.client, define.table('thing'));
    await run(t.client, field);
    const [row] = await run(t.client, create(new RecordId('thing', 1)));
    expect(row).toEqual({ id: new RecordId('thing', 1), kind: new Table('select') });
  });

  it('floats, odd keys and record ids on reserved-word tables come back as given', async () => {
    const value = { 'odd key': -0, NaN: Number.POSITIVE_INFINITY, half: 0.5, link: new RecordId('select', 'a b') };
    await runBatch(t.client, batch(define.table('other'), define.field('data', 'other').default(value)));
    const [row] = await run(t.client, create(new RecordId('other', 1)));
    expect((row as { data: unknown }).data).toEqual(value);
  });
});
