#!/usr/bin/env node
/**
 * @module What the ORM costs on top of the client: loading 1,000 rows as model instances (a
 * queryset) and as plain rows (`values()`), against the raw @sdb/ws query returning the same
 * rows, in client CPU time per call (this process only; the embedded SurrealDB server runs in a
 * child process). Prints both side by side with the ratio, and the budget (instances
 * ≤ 1.25x, values ≤ 1.1x). Runs on the built package: `pnpm bench` builds it first.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { configure, f, model, pushSchema } from '@sdb/orm';
import { connect } from '@sdb/ws';

const ROWS = 1000;
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 1500);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 6000);
const BLOCK = 20;
/** Rounds measured at the least, however long they take (a loaded machine answers slowly). */
const MIN_ROUNDS = 8;

const Item = model('item', { name: f.string(), price: f.float(), stock: f.int(), tags: f.array(f.string()), created: f.datetime() }, { schemafull: true });

/** The embedded server in its own process, so this process's CPU time counts the client only. */
async function startServer() {
  const code = `import { startServer } from '@sdb/embedded';
const server = await startServer({ auth: { username: 'root', password: 'root' } });
process.stdout.write(JSON.stringify({ url: server.url }) + '\\n');
process.stdin.resume();
process.stdin.on('end', async () => { await server.close(); process.exit(0); });`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: new URL('..', import.meta.url).pathname, stdio: ['pipe', 'pipe', 'inherit'] });
  const [line] = await once(createInterface({ input: child.stdout }), 'line');
  return { url: JSON.parse(line).url, stop: () => (child.stdin.end(), once(child, 'exit')) };
}

/**
 * Client CPU µs per call of `raw` and of `orm`, measured in rounds for DURATION_MS after a
 * warm-up (and for MIN_ROUNDS rounds at the least): in each round each side runs BLOCK calls,
 * and which side goes first alternates (raw orm, orm raw...), so load from elsewhere on the
 * machine hits both alike. A block is long
 * enough for most of the garbage collections its allocations cause to land in it; the rest
 * lands in the next block, either side's alike.
 */
async function paired(raw, orm) {
  for (const end = performance.now() + WARMUP_MS; performance.now() < end; ) {
    await raw();
    await orm();
  }
  const spent = { raw: 0, orm: 0 };
  let rounds = 0;
  const block = async (side, call) => {
    const before = process.cpuUsage();
    for (let i = 0; i < BLOCK; i++) await call();
    const cpu = process.cpuUsage(before);
    spent[side] += cpu.user + cpu.system;
  };
  for (const end = performance.now() + DURATION_MS; performance.now() < end || rounds < MIN_ROUNDS; rounds++) {
    const sides = [['raw', raw], ['orm', orm]];
    for (const [side, call] of rounds % 2 === 0 ? sides : sides.reverse()) await block(side, call);
  }
  const calls = rounds * BLOCK;
  return { raw: spent.raw / calls, orm: spent.orm / calls, ratio: spent.orm / spent.raw, rounds };
}

const server = await startServer();
const client = await connect(server.url, { namespace: 'bench', database: 'orm', auth: { username: 'root', password: 'root' } });
try {
  configure({ default: client });
  await pushSchema([Item]);
  await Item.objects.bulkCreate(Array.from({ length: ROWS }, (_, i) => ({ name: `item ${i}`, price: i * 1.5, stock: i, tags: ['a', 'b'], created: new Date() })));

  const everything = Item.objects.toQuery();
  const fields = ['id', ...Item.fieldNames];
  const projected = { query: `SELECT ${fields.join(', ')} FROM item;`, bindings: {} };
  const check = async (name, rows) => {
    if (rows.length !== ROWS) throw new Error(`${name} answered ${rows.length} rows, not ${ROWS}`);
  };
  await check('queryset', await Item.objects.all());
  await check('values()', await Item.objects.values());
  await check('raw', (await client.queryAll(everything))[0]);

  const row = (label, { raw, orm, ratio, rounds }, budget) => {
    const met = ratio <= budget;
    console.log(`  ${label.padEnd(28)} raw @sdb/ws ${raw.toFixed(0).padStart(5)} µs   orm ${orm.toFixed(0).padStart(5)} µs   ${ratio.toFixed(3)}x   target ≤ ${budget}x: ${met ? 'met' : 'NOT MET'}   (${rounds} rounds)`);
    return met;
  };
  console.log(`@sdb/orm over @sdb/ws, ${ROWS} rows, client CPU per call (${DURATION_MS} ms each, rounds of ${BLOCK} calls per side, alternating which goes first; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}):`);
  // The method's noise floor: the raw query against itself should come out at 1.0x.
  row('raw against itself (control)', await paired(() => client.queryAll(everything), () => client.queryAll(everything)), 1.1);
  const ok = [
    row('queryset .all() (instances)', await paired(() => client.queryAll(everything), () => Item.objects.all()), 1.25),
    row('values() (plain rows)', await paired(() => client.queryAll(projected), () => Item.objects.values()), 1.1),
  ];
  if (!ok.every(Boolean)) process.exitCode = 1;
} finally {
  await client.close();
  await server.stop();
}
