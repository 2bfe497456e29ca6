/**
 * `loadedOnFirstNext` (what `changes()` hands out before its feed's code is loaded): the source
 * is opened once, on the first `next()`, and never when the iterator is left before that.
 */
import { expect, test } from 'vitest';
import { loadedOnFirstNext } from '../src/query/deferred-iterator.ts';

async function* letters(): AsyncGenerator<string, undefined> {
  yield 'a';
  yield 'b';
}

test('concurrent first next() calls open the source once and read it in order', async () => {
  let opened = 0;
  const iterator = loadedOnFirstNext(async () => (opened++, letters()));
  expect(opened).toBe(0);
  const results = await Promise.all([iterator.next(), iterator.next(), iterator.next()]);
  expect(results).toEqual([{ done: false, value: 'a' }, { done: false, value: 'b' }, { done: true, value: undefined }]);
  expect(opened).toBe(1);
});

test('an iterator left before its first next() never opens its source', async () => {
  let opened = 0;
  const iterator = loadedOnFirstNext(async () => (opened++, letters()));
  await expect(iterator.return!()).resolves.toEqual({ done: true, value: undefined });
  await expect(iterator.next()).resolves.toEqual({ done: true, value: undefined });
  expect(opened).toBe(0);
});

test('a source that fails to open fails every next(), and return() still answers done', async () => {
  const iterator = loadedOnFirstNext<string>(async () => {
    throw new RangeError('no feed');
  });
  await expect(iterator.next()).rejects.toThrow(RangeError);
  await expect(iterator.next()).rejects.toThrow(RangeError);
  await expect(iterator.return!()).resolves.toEqual({ done: true, value: undefined });
});

test('return() after the first next() leaves the source', async () => {
  let left = false;
  const iterator = loadedOnFirstNext(async () => {
    const source = letters();
    const leave = source.return.bind(source);
    return Object.assign(source, { return: (value?: undefined) => ((left = true), leave(value)) });
  });
  await iterator.next();
  await iterator.return!();
  expect(left).toBe(true);
});
