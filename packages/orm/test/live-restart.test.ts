/**
 * A live queryset across a server restart: an embedded server of this file's own (SurrealKV, so
 * the data survives) stopped and started again; the @sdb/ws client reconnects, registers the
 * live query again, and the stream yields RESYNC. With `resync: 'reread'` the marker is followed
 * by what changed while the client was away, as model instances.
 */
import { connect, type WsClient } from '@sdb/ws';
import { expect, test } from 'vitest';
import { f, model, pushSchema, type LiveChange } from '../src/index.ts';
import { uniqueScope } from '../../embedded/test-support/index.ts';
import { take } from '../../stream/test/support.ts';
import { ROOT, RestartableServer } from '../../ws/test/fault-support.ts';

const Ticket = model('ticket', { title: f.string(), open: f.bool().default(true) });
type TicketInstance = InstanceType<typeof Ticket>;

/**
 * A client of `server` that waits `delay` ms before reconnecting after a restart: long enough for
 * the watcher that another client's writes land while it is away, even on a loaded machine.
 */
async function open(server: RestartableServer, scope: { namespace: string; database: string }, delay = 200): Promise<WsClient> {
  return connect(server.url, { ...scope, auth: { username: ROOT.user, password: ROOT.pass }, reconnect: { initialDelay: delay, maxDelay: delay, jitter: 0 } });
}

test("live({ resync: 'reread' }): after a reconnect, RESYNC, then an instance for each record changed meanwhile", async () => {
  // One restart only: @surrealdb/node 3.0.3 can panic while an engine shuts down (see fault-support.ts).
  const server = new RestartableServer();
  await server.start();
  const scope = uniqueScope('orm_live_restart');
  const db = await open(server, scope, 3000);
  let writer: WsClient | undefined;
  try {
    await pushSchema([Ticket], { using: db });
    const first = await Ticket.objects.using(db).create({ title: 'first' });
    const events = await Ticket.objects.using(db).filter({ open: true }).live({ resync: 'reread' });

    const back = new Promise<void>((resolve) => {
      const stop = db.on('connected', () => {
        stop();
        resolve();
      });
    });
    await server.stop();
    await server.start();
    // Written by another client while `db` is still away.
    writer = await open(server, scope);
    await Ticket.objects.using(writer).filter({ id: first.id }).update({ title: 'renamed' });
    const added = await Ticket.objects.using(writer).create({ title: 'added' });
    expect(db.status).not.toBe('open');
    await back;

    const [marker, ...changes] = await take(events, 3);
    expect(marker).toEqual({ action: 'RESYNC' });
    const byId = new Map((changes as LiveChange<TicketInstance>[]).map((change) => [change.id.toString(), change]));
    expect(byId.get(added.id.toString())).toMatchObject({ action: 'CREATE', instance: { title: 'added' } });
    expect(byId.get(first.id.toString())).toMatchObject({ action: 'UPDATE', instance: { title: 'renamed' } });
    expect(byId.get(first.id.toString())!.instance).toBeInstanceOf(Ticket);
    await events.kill();
  } finally {
    await Promise.all([db.close(), writer?.close()]);
    await server.dispose();
  }
}, 60_000);
