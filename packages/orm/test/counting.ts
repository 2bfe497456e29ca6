/**
 * A client wrapper counting the queries sent through it: the proof that a bulk write or a
 * prefetch costs a fixed number of round trips, not one per record.
 */
import type { OrmClient } from '../src/index.ts';

/** The client, counting the queries sent through it. */
export function counting(client: OrmClient): OrmClient & { queries: number } {
  const wrapper = {
    queries: 0,
    query: ((...args: Parameters<OrmClient['query']>) => {
      wrapper.queries++;
      return client.query(...args);
    }) as OrmClient['query'],
    queryAll: ((...args: Parameters<OrmClient['queryAll']>) => {
      wrapper.queries++;
      return client.queryAll(...args);
    }) as OrmClient['queryAll'],
  };
  return wrapper;
}
