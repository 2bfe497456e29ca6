/**
 * SurrealDB integers are i64: against the real engine, both edges round-trip exactly, and the
 * first integer beyond is refused by the client's encoder before anything is sent (it used to
 * travel as uint64 and come back wrapped negative).
 */
import { CborError, RecordId, RpcClient } from '@sdb/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection } from '../../protocol/test-support/rejection.ts';
import { connectTestClient, type TestClient } from '../test-support/index.ts';

let test: TestClient;
let db: RpcClient;

beforeAll(async () => {
  test = await connectTestClient('i64');
  db = test.client;
});

afterAll(async () => {
  await test.close();
});

describe('bigint edges of i64', () => {
  it.each([
    ['2^63 - 1', 2n ** 63n - 1n],
    ['-2^63', -(2n ** 63n)],
  ])('%s is stored as an int and read back exactly', async (_, value) => {
    const id = new RecordId('edge', String(value));
    await db.create(id, { n: value });
    expect(await db.queryAll<[string, unknown]>('RETURN type::of($n); RETURN (SELECT VALUE n FROM ONLY $id)', { n: value, id })).toEqual(['int', value]);
  });

  it('2^63 is refused client-side with a CborError naming the bound parameter', async () => {
    const error = await rejection<CborError>(db.query('RETURN $n', { n: 2n ** 63n }));
    expect(error).toBeInstanceOf(CborError);
    expect(error.path).toBe('$.params[1].n');
    expect(await db.queryAll('RETURN 1')).toEqual([1]);
  });
});
