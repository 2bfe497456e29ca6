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
import { createInterface } from 'node:readline';
import { configure, f, model, pushSchema } from '@sdb/orm';
import { connect } from '@sdb/ws';

const ROWS = 1000;
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 1500);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 6000);
const BLOCK = 50;

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
 * Client CPU µs per call of `raw` and of `orm`, measured in alternating blocks of BLOCK calls
 * (raw, orm, raw, orm...) for DURATION_MS after a warm-up: load from elsewhere on the machine
 * and garbage collection hit both sides alike, and each block is long enough for a collection
 * to land in the block whose allocations caused it.
 */
async function paired(raw, orm) {
  for (const end = performance.now() + WARMUP_MS; performance.now() < end; ) {
    await raw();
    await orm();
  }
  const spent = [0, 0];
  const calls = [0, 0];
  for (const end = performance.now() + DURATION_MS; performance.now() < end; ) {
    for (const [side, call] of [raw, orm].entries()) {
      const before = process.cpuUsage();
      for (let i = 0; i < BLOCK; i++) await call();
      const cpu = process.cpuUsage(before);
      spent[side] += cpu.user + cpu.system;
      calls[side] += BLOCK;
    }
  }
  return spent.map((us, side) => us / calls[side]);
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

  const row = (label, [raw, orm], budget) => {
    const ratio = orm / raw;
    console.log(`  ${label.padEnd(30)} raw @sdb/ws ${raw.toFixed(0).padStart(6)} µs   orm ${orm.toFixed(0).padStart(6)} µs   ${ratio.toFixed(3)}x (budget ${budget}x) ${ratio <= budget ? 'ok' : 'OVER'}`);
    return ratio <= budget;
  };
  console.log(`@sdb/orm over @sdb/ws, ${ROWS} rows, client CPU per call (${DURATION_MS} ms each, alternating blocks of ${BLOCK} calls):`);
  const ok = [
    row('queryset .all() (instances)', await paired(() => client.queryAll(everything), () => Item.objects.all()), 1.25),
    row('values() (plain rows)', await paired(() => client.queryAll(projected), () => Item.objects.values()), 1.1),
  ];
  if (!ok.every(Boolean)) process.exitCode = 1;
} finally {
  await client.close();
  await server.stop();
}
