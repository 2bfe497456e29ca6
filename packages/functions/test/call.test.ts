/**
 * `call` reaches a built-in function by its SurrealQL name, typed from the catalogue, without
 * the catalogue at run time: same nodes as the namespace builders, same answers from the engine.
 */
import { RpcClient } from '@sdb/protocol';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createEmbeddedTransport, type EmbeddedTransport } from '../../embedded/src/index.ts';
import { refArguments } from '../src/call.ts';
import { call, catalogue, compile, Expression, fn, QueryBuildError, type FunctionName } from '../src/index.ts';

let transport: EmbeddedTransport;
let db: RpcClient;

beforeAll(async () => {
  transport = await createEmbeddedTransport('mem://');
  db = new RpcClient(transport);
  await db.use({ namespace: 'functions', database: 'call' });
});

afterAll(async () => {
  await transport.close();
});

describe('call', () => {
  it('builds the same node as the namespace builder', () => {
    expect(call('string::lowercase', 'ABC').node).toEqual(fn.string.lowercase('ABC').node);
    expect(compile(call('math::max', [1, 5, 2]))).toEqual(compile(fn.math.max([1, 5, 2])));
  });

  it('runs on the engine with bound arguments', async () => {
    const compiled = compile(call('string::concat', call('string::uppercase', 'a'), '-', 'b'));
    expect(compiled.query).toBe('RETURN string::concat(string::uppercase($p0), $p1, $p2)');
    expect(await db.queryAll<[string]>(compiled)).toEqual(['A-b']);
  });

  it('is typed from the catalogue: arguments and result', () => {
    expectTypeOf(call('string::len', 'abc')).toEqualTypeOf<Expression<number>>();
    expectTypeOf(call('type::is_none', null)).toEqualTypeOf<Expression<boolean>>();
    // @ts-expect-error string::len takes a string, not a number
    call('string::len', 5);
    // @ts-expect-error not a SurrealDB function
    call('string::nope', 'x');
  });

  it('prints a match reference inline and refuses one that is not a small integer', () => {
    expect(compile(call('search::score', 1)).query).toBe('RETURN search::score(1)');
    expect(() => call('search::score', 1.5)).toThrow(QueryBuildError);
    expect(() => call('search::highlight', '<b>', '</b>', 300)).toThrow(/integer 0\.\.255/);
  });

  it('knows exactly the reference arguments the catalogue declares', () => {
    const declared: Record<string, number> = {};
    for (const [name, [words]] of Object.entries(catalogue) as [FunctionName, readonly [readonly string[], string]][]) {
      const at = words.findIndex((word) => word.replace('?', '') === 'ref');
      if (at >= 0) declared[name] = at;
    }
    expect(refArguments).toEqual(declared);
  });
});
