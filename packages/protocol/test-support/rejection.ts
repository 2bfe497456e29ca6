/**
 * @module What a promise rejects with, for tests that assert on the error itself. Shared with the
 * packages above @sdb/protocol by relative import (`../../protocol/test-support/rejection.ts`), as
 * @sdb/embedded's test-support is; it is not part of the published package.
 */

/** The error `promise` rejects with; when it resolves instead, this rejects: the test fails there. */
export function rejection<E = Error>(promise: Promise<unknown>): Promise<E> {
  return promise.then(
    () => {
      throw new Error('expected the call to reject');
    },
    (error: unknown) => error as E,
  );
}
