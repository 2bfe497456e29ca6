/**
 * @module What SurrealDB cannot store, `encode` refuses: a CborError whose `path` names the value
 * (`$` is the value given to `encode`), before a byte reaches the server.
 */
import { describe, expect, it } from 'vitest';
import { CborError, Tagged, decode, encode } from '../src/codec.ts';
import { Duration, RecordId } from '../src/values/index.ts';
import { hex } from './fixtures/hex.ts';

function refusal(value: unknown): CborError {
  try {
    encode(value);
  } catch (error) {
    expect(error).toBeInstanceOf(CborError);
    return error as CborError;
  }
  throw new Error('encode accepted the value');
}

describe('integers outside i64', () => {
  it.each([
    ['2^63', 2n ** 63n],
    ['2^64 - 1 (which uint64 would send and SurrealDB read back negative)', 2n ** 64n - 1n],
    ['2^64 (which a bignum tag would send and SurrealDB reject)', 2n ** 64n],
    ['-2^63 - 1', -(2n ** 63n) - 1n],
    ['-(3^100)', -(3n ** 100n)],
  ])('%s is refused, naming the range', (_, value) => {
    const error = refusal(value);
    expect(error.path).toBe('$');
    expect(error.message).toContain(`${value}n`);
    expect(error.message).toMatch(/i64/);
  });

  it('the i64 edges themselves are accepted', () => {
    expect(decode(encode([2n ** 63n - 1n, -(2n ** 63n)]))).toEqual([2n ** 63n - 1n, -(2n ** 63n)]);
  });

  it('a value class may carry a u64 in its tagged content (a Duration of 2^64 - 1 seconds)', () => {
    const longest = Duration.fromParts(2n ** 64n - 1n, 0);
    expect((decode(encode(longest)) as Duration).equals(longest)).toBe(true);
  });
});

describe('Maps with keys other than strings', () => {
  it.each([
    ['number', 1],
    ['bigint', 1n],
    ['object', { id: 1 }],
    ['null', null],
    ['boolean', true],
  ])('a %s key is refused at the Map\'s path', (kind, key) => {
    const error = refusal({ lookup: new Map<unknown, number>([['fine', 0], [key, 1]]) });
    expect(error.path).toBe('$.lookup');
    expect(error.message).toContain(`a ${kind} key`);
  });

  it('a bad value inside a Map is named by its key', () => {
    expect(refusal(new Map([['handler', () => 1]])).path).toBe('$.handler');
  });
});

describe('values that are not data', () => {
  it.each([
    ['a function', () => 1, /a function/],
    ['a symbol', Symbol('x'), /a symbol/],
    ['an Error', new TypeError('boom'), /an instance of TypeError/],
    ['a RegExp', /ab+c/i, /an instance of RegExp/],
    ['a Promise', Promise.resolve(1), /an instance of Promise/],
    ['a WeakMap', new WeakMap(), /an instance of WeakMap/],
    ['a WeakSet', new WeakSet(), /an instance of WeakSet/],
    ['a boxed string', new String('x'), /an instance of String/],
    ['an invalid Date', new Date(Number.NaN), /invalid Date/],
    ['a Float32Array', new Float32Array([1]), /Float32Array/],
  ])('%s is refused', (_, value, message) => {
    const error = refusal({ field: value });
    expect(error.path).toBe('$.field');
    expect(error.message).toMatch(message);
  });

  it('a class instance is refused rather than stored as its enumerable properties (losing its class and private state)', () => {
    class Account {
      #balance = 10;
      constructor(readonly owner: string) {}
      get balance(): number {
        return this.#balance;
      }
    }
    const error = refusal([new Account('tobie')]);
    expect(error.path).toBe('$[0]');
    expect(error.message).toMatch(/an instance of Account: SurrealDB stores plain data/);
  });

  it('an object whose prototype has no constructor is refused too', () => {
    const value = Object.create(Object.create(Object.prototype, { constructor: { value: undefined } }));
    expect(refusal(value).message).toMatch(/an object with a prototype/);
  });
});

describe('the path', () => {
  it('walks objects, arrays, Sets and Maps down to the refused value', () => {
    const value = { a: [0, 1, { b: new Set(['x', new Map([['c', [Symbol('deep')]]])]) }] };
    expect(refusal(value).path).toBe('$.a[2].b[1].c[0]');
  });

  it('quotes keys that are not identifiers', () => {
    expect(refusal({ 'first name': { 'é': [2n ** 70n] } }).path).toBe('$["first name"]["é"][0]');
  });

  it('is in the message, in place of the byte offset', () => {
    const error = refusal({ rows: [{ id: 1 }, { id: 1, at: /x/ }] });
    expect(error.message).toMatch(/\(at \$\.rows\[1\]\.at\)$/);
    expect(error.offset).toBeGreaterThan(0);
  });

  it('goes through the tagged content of an unknown tag', () => {
    expect(refusal({ x: new Tagged(1000, [1, () => 0]) }).path).toBe('$.x[1]');
  });

  it('a cycle is refused at the nesting limit instead of overflowing the stack', () => {
    const cycle: unknown[] = [];
    cycle.push(cycle);
    const error = refusal(cycle);
    expect(error.message).toMatch(/nested deeper/);
    expect(error.path).toMatch(/^\$(\[0\])+$/);
  });
});

describe('after a refusal', () => {
  it('the encoder stays usable', () => {
    refusal([1, Symbol('x')]);
    expect(hex(encode([1]))).toBe('8101');
  });

  it('a refusal inside a nested encode (run by a getter) keeps its own path', () => {
    const outer = {
      get inner() {
        return encode({ bad: 2n ** 64n });
      },
    };
    expect(refusal({ wrapper: outer }).path).toBe('$.bad');
  });

  it('a value class around valid content is not affected', () => {
    expect((decode(encode({ id: new RecordId('person', 2n ** 62n) })) as { id: RecordId }).id.equals(new RecordId('person', 2n ** 62n))).toBe(true);
  });
});
