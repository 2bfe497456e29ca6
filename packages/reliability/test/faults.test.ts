/**
 * Faults mid-load, all on loopback: a TCP proxy that delays, blackholes (drops every byte while
 * the connection stays open), cuts half-open, resets and closes connections under a stream of
 * writes over @sdb/ws; an endpoint of a pool going dead; and the server process killed with
 * SIGKILL and started again on its data. Every call settles (a result, or a typed `SdbError`),
 * no acknowledged write is lost (read back), live queries resume with their RESYNC marker, the
 * pool routes around the dead endpoint, and a change-feed consumer resumes from its checkpoint
 * with every change applied exactly once.
 */
import { afterAll, expect, test } from 'vitest';
import { RecordId } from '@sdb/protocol';
import { createPool } from '@sdb/pool';
import { RecordCheckpoint, changes, live } from '@sdb/stream';
import { connect, type ConnectOptions, type WsClient } from '@sdb/ws';
import { FaultProxy } from './support/fault-proxy.ts';
import { recordFigures } from './support/figures.ts';
import { DERIVED_QUERY, runLoad, type LoadOutcome } from './support/load.ts';
import { scaled } from './support/scale.ts';
import { KillableServer } from './support/server-process.ts';
import { closeAll, rootAuth, surrealdb, track, uniqueScope, wsClient } from './support/servers.ts';

const WRITES = scaled(1_500, 20_000);
const IN_FLIGHT = 32;
/** A write that answers a value derived from its argument once it is done: its acknowledgement. */
const WRITE = 'CREATE $id SET n = $n; RETURN $n * 3 + 1;';
/** Quick to notice a dead link and to come back, so that a fault costs the load little time. */
const RESILIENT: ConnectOptions = { ping: { interval: 250, timeout: 250 }, reconnect: { initialDelay: 20, maxDelay: 200, jitter: 0 }, timeout: 10_000 };

afterAll(closeAll);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean | Promise<boolean>, timeout: number, what: string): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** `WRITES` writes of `table:n` through `db`; `fault` runs (not awaited by the writers) once a third of them settled. */
async function writesUnder(db: WsClient, table: string, fault: () => Promise<void>): Promise<{ outcome: LoadOutcome; faulted: Promise<void> }> {
  let faulted: Promise<void> = Promise.resolve();
  let started = false;
  const outcome = await runLoad(async (n) => (await db.queryAll<[unknown, number]>(WRITE, { id: new RecordId(table, n), n }))[1], {
    count: WRITES,
    inFlight: IN_FLIGHT,
    deadline: 30_000,
    keepMatched: true,
    progress: (settled) => {
      if (started || settled < WRITES / 3) return;
      started = true;
      faulted = fault();
    },
  });
  await faulted;
  return { outcome, faulted };
}

/** The `n` of every record of `table`, read back through `db`. */
async function storedNumbers(db: WsClient, table: string): Promise<Set<number>> {
  const [numbers] = await db.queryAll<[number[]]>('SELECT VALUE n FROM type::table($table)', { table });
  return new Set(numbers);
}

function expectSettledAndKept(outcome: LoadOutcome, stored: Set<number>): number {
  expect(outcome.calls).toBe(WRITES);
  expect(outcome.hung).toBe(0);
  expect(outcome.mismatched).toBe(0);
  expect(outcome.untyped).toEqual([]);
  const lost = outcome.matchedArgs.filter((n) => !stored.has(n)).length;
  expect(lost).toBe(0);
  return lost;
}

const PROXY_FAULTS: Record<string, (proxy: FaultProxy) => Promise<void>> = {
  'delay (300 ms on every chunk)': async (proxy) => {
    proxy.delay(300);
    await sleep(1_000);
    proxy.heal();
  },
  'blackhole (bytes dropped, connection kept)': async (proxy) => {
    proxy.blackhole();
    await sleep(1_000);
    proxy.heal();
  },
  'half-open cut (server side closed, client not told)': async (proxy) => proxy.halfOpen(),
  'reset (TCP RST)': async (proxy) => proxy.reset(),
  'close (FIN both ways)': async (proxy) => proxy.cut(),
};

for (const [fault, inject] of Object.entries(PROXY_FAULTS)) {
  test(`${fault} under ${WRITES.toLocaleString('en-US')} writes over @sdb/ws: every call settles typed, no acknowledged write lost`, async () => {
    const proxy = new FaultProxy(Number(new URL(surrealdb().url).port));
    await proxy.up();
    const scope = uniqueScope('rel_fault');
    const db = await wsClient({ ...scope, ...RESILIENT }, proxy.url);
    const { outcome } = await writesUnder(db, 'w', () => inject(proxy));
    const direct = await wsClient(scope);
    const lost = expectSettledAndKept(outcome, await storedNumbers(direct, 'w'));
    await proxy.down();
    recordFigures('faults', { 'faults injected': 1, 'writes under faults': outcome.calls, 'writes acknowledged': outcome.matched, 'writes failed typed': outcome.failed, 'acknowledged writes lost': lost, hangs: outcome.hung });
  });
}

test('a pool endpoint that dies mid-load: every call settles typed, and the pool routes around it', async () => {
  const target = Number(new URL(surrealdb().url).port);
  const [dying, healthy] = [new FaultProxy(target), new FaultProxy(target)];
  await Promise.all([dying.up(), healthy.up()]);
  const scope = uniqueScope('rel_pool_fault');
  const pool = track(
    createPool({
      endpoints: [dying.url, healthy.url],
      max: 4,
      healthCheckInterval: 200,
      connect: (url) => connect(url, { ...scope, auth: rootAuth(), reconnect: false, ping: { interval: 250, timeout: 250 }, connectTimeout: 1_000, timeout: 5_000 }),
    }),
  );
  let killed = false;
  const calls = scaled(3_000, 50_000);
  const during = await runLoad(async (n) => (await pool.queryAll<[number]>(DERIVED_QUERY, { n }))[0], {
    count: calls,
    inFlight: IN_FLIGHT,
    deadline: 30_000,
    progress: (settled) => {
      if (killed || settled < calls / 3) return;
      killed = true;
      void dying.down();
    },
  });
  expect(during).toMatchObject({ calls, hung: 0, mismatched: 0, untyped: [] });
  const after = await runLoad(async (n) => (await pool.queryAll<[number]>(DERIVED_QUERY, { n }))[0], { count: 500, inFlight: IN_FLIGHT, deadline: 10_000 });
  expect(after).toMatchObject({ calls: 500, matched: 500, failed: 0, hung: 0 });
  await healthy.down();
  recordFigures('faults', { 'faults injected': 1, 'pool calls across a dead endpoint': during.calls + after.calls, 'pool calls failed typed': during.failed, 'pool calls after the death, all answered': after.matched, hangs: during.hung });
});

test(`the server killed (SIGKILL) and restarted mid-load: writes kept, live query resumes with RESYNC, change feed consumed exactly once`, async () => {
  const server = new KillableServer();
  await server.start();
  const scope = { namespace: 'rel', database: 'kill' };
  const auth = { username: server.user, password: server.pass };
  const open = async (options: ConnectOptions = {}) => track(await connect(server.url, { ...scope, auth, ...RESILIENT, ...options }));
  try {
    const writer = await open();
    await writer.queryAll('DEFINE TABLE cf CHANGEFEED 1h; DEFINE TABLE effect; DEFINE TABLE feed_checkpoint');

    const watcher = await open();
    const events = await live(watcher, 'cf');
    const seen: { action: string }[] = [];
    const watching = (async () => {
      for await (const event of events) seen.push(event as { action: string });
    })();

    // The consumer: effects and checkpoint in one transaction; restarted from the checkpoint whenever its feed fails.
    const consumer = await open();
    const checkpoint = new RecordCheckpoint(consumer, new RecordId('feed_checkpoint', 'effects'));
    let consuming = true;
    let consumerRestarts = 0;
    let feed: ReturnType<typeof changes> | undefined;
    const consumed = (async () => {
      while (consuming) {
        try {
          feed = changes(consumer, { table: 'cf', checkpoint, commit: 'manual', pollInterval: 50 });
          for await (const { versionstamp, changes: writes } of feed) {
            await consumer.transaction(async (tx) => {
              for (const change of writes) if (change.type === 'update') await tx.queryAll('UPSERT $effect SET count += 1', { effect: new RecordId('effect', change.id.id) });
              await checkpoint.save(versionstamp, tx);
            });
          }
        } catch {
          consumerRestarts++;
          await sleep(100);
        }
      }
    })();

    const { outcome } = await writesUnder(writer, 'cf', async () => {
      await server.kill();
      await server.start();
    });
    const lost = expectSettledAndKept(outcome, await storedNumbers(writer, 'cf'));

    // Live: the marker, then the changes made on the new registration.
    await writer.queryAll('CREATE cf:after_restart SET n = -1');
    await until(() => seen.some((event, i) => event.action === 'RESYNC' && seen.slice(i).some((later) => later.action === 'CREATE')), 15_000, 'RESYNC then a CREATE');

    // Change feed: every stored record's effect applied exactly once.
    const [storedIds] = await writer.queryAll<[unknown[]]>('SELECT VALUE record::id(id) FROM cf');
    const stored = new Set(storedIds);
    const effectCounts = async () => (await writer.queryAll<[{ id: RecordId; count: number }[]]>('SELECT id, count FROM effect'))[0];
    await until(async () => (await effectCounts()).length >= stored.size, 30_000, 'the consumer to catch up');
    consuming = false;
    await feed?.return?.();
    await consumed;
    const counts = await effectCounts();
    expect(counts.filter((effect) => effect.count !== 1)).toEqual([]);
    expect(new Set(counts.map((effect) => effect.id.id))).toEqual(stored);

    await events.kill();
    await watching;
    recordFigures('faults', {
      'faults injected': 1,
      'server kills (SIGKILL) mid-load': server.kills,
      'writes across the kill': outcome.calls,
      'writes acknowledged across the kill': outcome.matched,
      'acknowledged writes lost': lost,
      'live queries resumed with RESYNC': 1,
      'change sets applied exactly once': counts.length,
      'consumer restarts from its checkpoint': consumerRestarts,
    });
  } finally {
    await closeAll();
    await server.dispose();
  }
});
