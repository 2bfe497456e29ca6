/**
 * The shared test set-up: the global setup hands every test file a real SurrealDB (with root
 * credentials) through `inject` and `SURREALDB_URL`, and the helpers give each test a fresh
 * namespace/database and a ready `RpcClient`.
 */
import { RecordId } from '@sdb/protocol';
import { describe, expect, it } from 'vitest';
import { connectTestClient, surrealdb, uniqueScope } from '../test-support/index.ts';
import { endpointsOf } from '../test-support/provided-context.ts';
import { RawSocket } from './raw-socket.ts';

describe('the global setup', () => {
  it('provides a server that accepts the root credentials over WebSocket', async () => {
    const { url, user, pass } = surrealdb();
    const socket = await RawSocket.open(url);
    try {
      expect(typeof (await socket.result('signin', [{ user, pass }]))).toBe('string');
    } finally {
      await socket.close();
    }
  });

  it('provides the same server over HTTP and in SURREALDB_URL', async () => {
    const { url, httpUrl } = surrealdb();
    expect((await fetch(`${httpUrl}/health`)).status).toBe(200);
    expect(process.env.SURREALDB_URL).toBe(url);
  });
});

describe('endpointsOf', () => {
  it.each([
    ['ws://db:8000', 'ws://db:8000/rpc', 'http://db:8000'],
    ['ws://db:8000/rpc', 'ws://db:8000/rpc', 'http://db:8000'],
    ['http://db:8000/', 'ws://db:8000/rpc', 'http://db:8000'],
    ['https://cloud.example/base/rpc', 'wss://cloud.example/base/rpc', 'https://cloud.example/base'],
  ])('%s -> %s and %s', (address, url, httpUrl) => {
    expect(endpointsOf(address)).toEqual({ url, httpUrl });
  });
});

describe('helpers', () => {
  it('uniqueScope never repeats a name', () => {
    const names = Array.from({ length: 50 }, () => uniqueScope('t'));
    expect(new Set(names.map((scope) => `${scope.namespace}/${scope.database}`)).size).toBe(50);
  });

  it('connectTestClient gives an RpcClient already in a fresh namespace and database', async () => {
    const test = await connectTestClient('helper');
    try {
      const [where] = await test.client.queryAll<[string[]]>('RETURN [session::ns(), session::db()]');
      expect(where).toEqual([test.namespace, test.database]);
      await test.client.query('DEFINE TABLE item');
      await test.client.create(new RecordId('item', 1), { ok: true });
      expect(await test.client.select(new RecordId('item', 1))).toMatchObject({ ok: true });
    } finally {
      await test.close();
    }
  });
});
