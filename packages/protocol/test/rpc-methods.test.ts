/**
 * The RPC method table: every method DESIGN.md lists, once, by its wire name, and a camelCase
 * RpcClient method for each.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { RPC_METHODS, RpcClient, type RecordId, type RpcMethod, type RpcParams, type RpcResult, type Uuid } from '../src/index.ts';

const camelCase = (name: string) => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

describe('RPC_METHODS', () => {
  it('lists the 34 methods of SurrealDB 3, each once', () => {
    expect(RPC_METHODS).toHaveLength(34);
    expect(new Set(RPC_METHODS).size).toBe(34);
  });

  it('RpcClient has a camelCase method for every RPC method', () => {
    for (const method of RPC_METHODS) {
      expect(typeof (RpcClient.prototype as unknown as Record<string, unknown>)[camelCase(method)], method).toBe('function');
    }
  });

  it('types params and results per method', () => {
    expectTypeOf<RpcParams<'commit'>>().toEqualTypeOf<[txn: Uuid]>();
    expectTypeOf<RpcResult<'begin'>>().toEqualTypeOf<Uuid>();
    expectTypeOf<RpcResult<'version'>>().toEqualTypeOf<string>();
    expectTypeOf<'insert_relation'>().toMatchTypeOf<RpcMethod>();
    expectTypeOf<RpcClient['select']>().toBeFunction();
    expectTypeOf<ReturnType<RpcClient['sessions']>>().resolves.toEqualTypeOf<Uuid[]>();
    // `select` of one record id answers one record or undefined; of a table, an array.
    const client = null as unknown as RpcClient;
    const one = () => client.select<{ name: string }>(null as unknown as RecordId);
    const many = () => client.select<{ name: string }>('person');
    expectTypeOf(one).returns.resolves.toEqualTypeOf<{ name: string } | undefined>();
    expectTypeOf(many).returns.resolves.toEqualTypeOf<Array<{ name: string }>>();
  });
});
