/**
 * @module The shop's live feed: every new, changed or removed order as it happens, from a live
 * query on a @sdb/ws client (SurrealDB pushes each change; nothing polls).
 */

/** Starts the feed on `db`; `next()` resolves the next change as `{ action, order }`. */
export async function orderFeed(db) {
  const live = await db.live('order');
  const changes = live[Symbol.asyncIterator]();
  return {
    async next() {
      const { value } = await changes.next();
      return { action: value.action, order: value.result };
    },
    close: () => live.kill(),
  };
}
