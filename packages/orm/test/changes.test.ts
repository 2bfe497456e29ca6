/**
 * `Model.objects.changes()`: a model declared with `changefeed` gets `CHANGEFEED` in its DEFINE
 * TABLE, and its feed reads as change sets of model instances with a durable checkpoint, over
 * @sdb/ws and @sdb/http. Every write to a CHANGEFEED table makes the 3.0.2 engine print a debug
 * dump to its process's stderr (and abort when that pipe lags), so these tests use a server in a
 * child process, as @sdb/stream's change-feed tests do; not the in-process embedded client.
 */
import { InvalidArgumentError, RecordId } from '@sdb/protocol';
import { connect as connectHttp } from '@sdb/http';
import { connect as connectWs } from '@sdb/ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { f, model, pushSchema, QuerySetError, RecordCheckpoint, type CheckpointStore, type ModelChangeSet, type OrmClient } from '../src/index.ts';
import { uniqueScope } from '../../embedded/test-support/index.ts';
import { startServerProcess, type ServerProcess } from '../../stream/test/server-process.ts';
import { take } from '../../stream/test/support.ts';

const Order = model('order', { item: f.string(), qty: f.int().default(1) }, { changefeed: '1h' });
const Checkpoint = model('feed_checkpoint', {});
type OrderInstance = InstanceType<typeof Order>;

let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess();
}, 120_000);
afterAll(() => server.stop());

const clients = {
  ws: async (): Promise<OrmClient & { close(): Promise<void> }> => connectWs(server.url, { ...uniqueScope('orm_changes_ws'), auth: { username: server.user, password: server.pass } }),
  http: async (): Promise<OrmClient & { close(): Promise<void> }> => connectHttp(server.httpUrl, { ...uniqueScope('orm_changes_http'), auth: { username: server.user, password: server.pass } }),
};

describe.each(['ws', 'http'] as const)('change feeds over %s', (transport) => {
  let db: OrmClient & { close(): Promise<void> };

  beforeAll(async () => {
    db = await clients[transport]();
    await pushSchema([Order, Checkpoint], { using: db });
  });

  afterAll(() => db?.close());

  it('the changefeed option puts CHANGEFEED in DEFINE TABLE', async () => {
    const [info] = await db.queryAll<[{ tables: Record<string, string> }]>('INFO FOR DB');
    expect(info.tables.order).toContain('CHANGEFEED 1h');
  });

  it('changes() yields the table definition, then each write as a change set holding a model instance or the deleted id', async () => {
    const orders = Order.objects.using(db);
    const book = await orders.create({ item: 'book' });
    await book.merge({ qty: 2 }, { using: db });
    const id = book.id;
    await book.delete({ using: db });
    const feed = orders.changes();
    const sets = (await take(feed, 4)) as ModelChangeSet<OrderInstance>[];
    expect(sets[0]!.changes).toMatchObject([{ type: 'define_table' }]);
    const [created, updated, deleted] = sets.slice(1).map((set) => set.changes[0]!);
    expect(created).toMatchObject({ type: 'update', id, instance: { item: 'book', qty: 1 } });
    expect(created?.type === 'update' && created.instance).toBeInstanceOf(Order);
    expect(updated).toMatchObject({ type: 'update', id, instance: { qty: 2 } });
    expect(deleted).toEqual({ type: 'delete', id });
    expect(typeof sets[1]!.versionstamp).toBe('bigint');
    await feed.return?.();
  });

  it('a RecordCheckpoint is a durable cursor: a second feed resumes after the last change set handled', async () => {
    const orders = Order.objects.using(db);
    const checkpoint = new RecordCheckpoint(db, new RecordId('feed_checkpoint', `orders_${transport}`));
    // Skip what the previous test wrote: start from now.
    const since = new Date();
    await orders.create({ item: 'pen' });
    await orders.create({ item: 'ink' });
    const first = orders.changes({ since, checkpoint });
    const [pen] = (await take(first, 1)) as ModelChangeSet<OrderInstance>[];
    expect(pen!.changes[0]).toMatchObject({ type: 'update', instance: { item: 'pen' } });
    // Asking for the next set saves the one before (commit: 'auto').
    const [ink] = (await take(first, 1)) as ModelChangeSet<OrderInstance>[];
    expect(ink!.changes[0]).toMatchObject({ type: 'update', instance: { item: 'ink' } });
    await first.return?.();
    expect(await checkpoint.load()).toBe(pen!.versionstamp);

    await orders.create({ item: 'cap' });
    const second = orders.changes({ since, checkpoint });
    const resumed = (await take(second, 2)) as ModelChangeSet<OrderInstance>[];
    // The set in hand when the first feed stopped comes again (at-least-once), then the new write.
    expect(resumed.map((set) => set.changes.map((change) => change.type === 'update' && change.instance.item))).toEqual([['ink'], ['cap']]);
    await second.return?.();
  });

  it('a filtered queryset has no feed of its own: changes() refuses it', () => {
    expect(() => Order.objects.using(db).filter({ item: 'book' }).changes()).toThrow(QuerySetError);
  });

  it('changes() answers its feed at once and loads the feed on the first next(), which refuses bad options', async () => {
    const feed = Order.objects.using(db).changes({ batchSize: 0 });
    await expect(feed.next()).rejects.toBeInstanceOf(InvalidArgumentError);
  });

  it('a feed left before its first next() reads nothing, not even its checkpoint; next() then answers done', async () => {
    let loads = 0;
    const checkpoint: CheckpointStore = { load: async () => void loads++, save: async () => {} };
    const read = Order.objects.using(db).changes({ checkpoint });
    await read.next();
    await read.return!();
    expect(loads).toBe(1);
    const left = Order.objects.using(db).changes({ checkpoint });
    await expect(left.return!()).resolves.toEqual({ done: true, value: undefined });
    await expect(left.next()).resolves.toEqual({ done: true, value: undefined });
    expect(loads).toBe(1);
  });
});
