import type { EmbeddedClient } from '@sdb/embedded';
import type { HttpClient } from '@sdb/http';
import { RecordId, Table, type Queryable, type RecordData } from '@sdb/protocol';
import type { WsClient } from '@sdb/ws';
import { expectTypeOf, test } from 'vitest';
import { createPool, type Lease, type Pool } from '../src/index.ts';

interface Person {
  id: RecordId;
  name: string;
}

test('a pool has its member type\'s record methods, with their overloads', () => {
  expectTypeOf<Pool<WsClient>['select']>().toEqualTypeOf<WsClient['select']>();
  expectTypeOf<Pool<HttpClient>['create']>().toEqualTypeOf<HttpClient['create']>();
  // Only the types are checked: these functions are never called, so no pool opens and no call runs.
  const inferred = () => createPool({ endpoints: ['ws://a:8000'], connect: async () => ({}) as WsClient });
  expectTypeOf(inferred).returns.toEqualTypeOf<Pool<WsClient>>();
  const calls = (pool: Pool<WsClient>) => {
    expectTypeOf(pool.select<Person>(new RecordId('person', 1))).resolves.toEqualTypeOf<Person | undefined>();
    expectTypeOf(pool.select<Person>(new Table('person'))).resolves.toEqualTypeOf<Person[]>();
    expectTypeOf(pool.queryAll<[Person[]]>('SELECT * FROM person')).resolves.toEqualTypeOf<[Person[]]>();
  };
  expectTypeOf(calls).parameters.toEqualTypeOf<[Pool<WsClient>]>();
});

test('the pool and its leases are clients of the client contract', () => {
  expectTypeOf<Pool<WsClient>>().toExtend<Queryable>();
  expectTypeOf<Lease<HttpClient>>().toExtend<Queryable>();
  expectTypeOf<Lease<WsClient>['client']>().toEqualTypeOf<WsClient>();
});

test('any sdb client can be a member; a value that cannot ping or close cannot', () => {
  expectTypeOf<Pool<EmbeddedClient>['version']>().toEqualTypeOf<EmbeddedClient['version']>();
  // @ts-expect-error: a bare Queryable has no ping (health checks) and no close
  expectTypeOf<Pool<Queryable>>().not.toBeNever();
  expectTypeOf<Pool<WsClient>['insert']>().parameters.toExtend<[Table | string | null, RecordData | readonly RecordData[], ...unknown[]]>();
});
