/**
 * @module `pnpm bench` (after run.mjs and pool.mjs): what a live queryset costs on top of
 * @sdb/stream. A 1,000-event live stream (one `FOR` query creating 1,000 records) read through
 * `Model.objects.live()` (model instances, changed fields tracked) and through @sdb/stream's
 * `live()` (raw records), both over one @sdb/ws client, in alternating rounds; prints the client
 * CPU µs per event of each side by side (the server runs in a child process, so this process's
 * CPU time counts the client only). The figure includes decoding the notifications, which both
 * sides pay alike.
 */
import { f, model, pushSchema } from '@sdb/orm';
import { live } from '@sdb/stream';
import { connect } from '@sdb/ws';
import { startServerProcess, withDeadline } from './server-child.mjs';

const EVENTS = 1000;
const ROUNDS = Number(process.env.BENCH_LIVE_ROUNDS ?? 16);

const Reading = model('reading', { sensor: f.string(), value: f.float(), seq: f.int() });
const writeAll = `FOR $i IN 1..=${EVENTS} { CREATE reading SET sensor = 'probe', value = $i * 0.5, seq = $i }`;

/** Client CPU µs per event while `EVENTS` notifications are written and read off `events`. */
async function perEvent(db, events) {
  const before = process.cpuUsage();
  const written = db.queryAll(writeAll);
  let seen = 0;
  // A record's notification may arrive out of order (SurrealDB 3.0.2), never twice: count them.
  for await (const event of events) {
    if (event.action === 'CREATE' && ++seen === EVENTS) break;
  }
  await written;
  const cpu = process.cpuUsage(before);
  return (cpu.user + cpu.system) / EVENTS;
}

const sides = {
  '@sdb/stream live() (raw records)': (db) => live(db, 'reading', { where: 'seq >= $min', params: { min: 0 } }),
  '@sdb/orm live() (instances)': (db) => Reading.objects.using(db).filter({ seq__gte: 0 }).live(),
};

const server = await startServerProcess();
const url = `${server.url.replace(/^http/, 'ws')}/rpc`;
const db = await connect(url, { namespace: 'bench', database: 'orm_live', auth: { username: 'root', password: 'root' } });
try {
  await pushSchema([Reading], { using: db });
  const figures = Object.fromEntries(Object.keys(sides).map((name) => [name, []]));
  // Round 0 warms both sides up and is not counted; the order alternates so drift hits both.
  for (let round = 0; round <= ROUNDS; round++) {
    const order = round % 2 ? Object.entries(sides).reverse() : Object.entries(sides);
    for (const [name, open] of order) {
      const events = await open(db);
      const us = await withDeadline(perEvent(db, events), 60_000, `${name}, round ${round}`);
      await events.kill();
      await db.queryAll('DELETE reading');
      if (round > 0) figures[name].push(us);
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const best = (values) => Math.min(...values);
  console.log(`\nlive stream of ${EVENTS} events over @sdb/ws, client CPU per event (${ROUNDS} rounds each, alternating):`);
  for (const [name, values] of Object.entries(figures)) {
    console.log(`  ${name.padEnd(36)} median ${median(values).toFixed(1).padStart(6)} µs/event   best ${best(values).toFixed(1).padStart(6)} µs/event`);
  }
  const [raw, orm] = Object.values(figures);
  console.log(`  orm / raw: median ${(median(orm) / median(raw)).toFixed(2)}x, best ${(best(orm) / best(raw)).toFixed(2)}x`);
} finally {
  await db.close();
  await server.stop();
}
