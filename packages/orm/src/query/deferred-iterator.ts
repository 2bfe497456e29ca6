/**
 * @module An async iterator whose source is made on the first `next()`: a synchronous method
 * (`changes()`) can then hand out its stream at once and load the stream's code (a dynamic
 * `import()`) only when the stream is read.
 */

/**
 * Iterates what `open()` answers, calling it once, on the first `next()` (concurrent first calls
 * share it); `return()` before that opens nothing. A failing `open()` fails that `next()` and
 * every later one.
 */
export function loadedOnFirstNext<T>(open: () => Promise<AsyncIterableIterator<T, undefined>>): AsyncIterableIterator<T, undefined> {
  let source: Promise<AsyncIterableIterator<T, undefined>> | undefined;
  let ended = false;
  const iterator: AsyncIterableIterator<T, undefined> = {
    next: async () => {
      if (ended && source === undefined) return { done: true, value: undefined };
      return (await (source ??= open())).next();
    },
    return: async () => {
      ended = true;
      const opened = await source?.catch(() => undefined); // a source that failed to open has nothing to leave
      await opened?.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
