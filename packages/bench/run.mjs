/**
 * @module `pnpm bench`: one embedded SurrealDB server in a child process, the four clients
 * (@sdb/ws, @sdb/http, the official SDK over ws and http) and three floors against it in turn,
 * the native engine in-process as the ceiling, and the codec alone (codec.mjs). Prints ops/s and
 * client CPU µs per call side by side, then issue 12's targets (WebSocket, Node HTTP, codec), each
 * beside its measured figure and floor, met or not. Bounded: about 3 minutes in all.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { clients } from './clients.mjs';
import { openNativeEngine } from './engine-ceiling.mjs';
import { ROWS, measureCodecs, printCodecs } from './codec.mjs';
import { measure } from './measure.mjs';
import { startServerProcess, withDeadline } from './server-child.mjs';

const durationMs = Number(process.env.BENCH_DURATION_MS ?? 1000);
const repeat = Number(process.env.BENCH_REPEAT ?? 3);
const warmupMs = Number(process.env.BENCH_WARMUP_MS ?? 300);
/** A measurement that takes longer than this is a hung client: reported as failed. */
const measurementDeadlineMs = durationMs + warmupMs + 15_000;
const CODEC_ROUNDS = Number(process.env.BENCH_CODEC_ROUNDS ?? 7);
const loadText = () => `${loadavg().map((n) => fmt(n, 1)).join(' ')} (1, 5, 15 min; ${cpus().length} cores)`;
const ENGINE = 'engine (in-process)';
const WS_FLOOR = 'floor: ws + codec';
const HTTP_FLOOR = 'floor: undici request + codec';
/** `BENCH_CLIENTS=@sdb/http,surrealdb http` measures only those clients. */
const selectedClients = process.env.BENCH_CLIENTS ? clients.filter((c) => process.env.BENCH_CLIENTS.split(',').includes(c.name)) : clients;

const scenarios = [
  { id: 'seq', label: 'RETURN 1, sequential', sql: 'RETURN 1', concurrency: 1, kinds: ['ws', 'http'] },
  { id: 'c64', label: 'RETURN 1, 64 in flight', sql: 'RETURN 1', concurrency: 64, kinds: ['ws', 'http'] },
  { id: 'rows', label: `SELECT * FROM item (${ROWS} rows)`, sql: 'SELECT * FROM item', concurrency: 1, kinds: ['ws', 'http'] },
  { id: 'c16', label: 'RETURN 1, 16 in flight', sql: 'RETURN 1', concurrency: 16, kinds: ['ws', 'http'] },
  { id: 'rows16', label: `SELECT (${ROWS} rows), 16 in flight`, sql: 'SELECT * FROM item', concurrency: 16, kinds: ['http'] },
];

const seedSql = `DEFINE TABLE item SCHEMALESS; FOR $i IN 1..=${ROWS} { CREATE type::record('item', $i) SET name = 'item ' + <string>$i, price = $i * 1.5, tags = ['a', 'b'], created = time::now() };`;

const fmt = (value, digits = 0) => (value === undefined ? 'n/a' : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));

async function main() {
  const results = {}; // results[scenarioId][clientName] = bestOf(runs) | { error }
  const record = (scenario, name, cell) => {
    (results[scenario.id] ??= {})[name] = cell;
    const figures = cell.error
      ? `FAILED: ${cell.error}`
      : `${fmt(cell.opsPerSec).padStart(8)} ops/s (slowest ${fmt(cell.slowestOpsPerSec)}) ${fmt(cell.cpuUsPerCall, 1).padStart(8)} µs CPU/call (worst ${fmt(cell.worstCpuUsPerCall, 1)})`;
    console.log(`  ${name.padEnd(29)} ${scenario.label.padEnd(34)} ${figures}`);
  };
  const server = await startServerProcess();
  const open = [];
  try {
    console.log(`server: ${server.url} (separate process); best of ${repeat} runs of ${durationMs} ms after ${warmupMs} ms warm-up each (worst in brackets); load average ${loadText()}\n`);
    for (const client of selectedClients) {
      try {
        open.push({ client, db: await withDeadline(client.open(server.url), 15_000, `${client.name} connect`) });
      } catch (error) {
        console.log(`  ${client.name}: cannot connect: ${error.message}`);
      }
    }
    if (open.length === 0) throw new Error('no client could connect');
    await open[0].db.query(seedSql);
    // Warm the server process (and each client) up before any measurement, so that whichever
    // client is measured first does not pay for the server's JIT warm-up.
    for (const { db } of open) await measure(() => db.query('RETURN 1'), { concurrency: 16, warmupMs: 0, durationMs: warmupMs * 3 });
    // Scenario by scenario, so that the clients compared in a row are measured close together in
    // time (the machine may be shared: load drifts).
    // Each measurement is repeated, in alternating client order, and the best figures kept (the
    // highest ops/s, the lowest CPU per call), with the worst beside them: on a shared machine a
    // slow run says more about the neighbours than about the client.
    for (const scenario of scenarios) {
      const contenders = open.filter(({ client }) => scenario.kinds.includes(client.kind));
      const runs = new Map(contenders.map(({ client }) => [client.name, []]));
      const failed = new Map();
      for (let round = 0; round < repeat; round++) {
        for (const { client, db } of round % 2 ? [...contenders].reverse() : contenders) {
          if (failed.has(client.name)) continue;
          try {
            runs.get(client.name).push(await withDeadline(measure(() => db.query(scenario.sql), { concurrency: scenario.concurrency, warmupMs, durationMs }), measurementDeadlineMs, `${client.name} ${scenario.label}`));
          } catch (error) {
            failed.set(client.name, { error: error.message });
          }
        }
      }
      for (const { client } of contenders) record(scenario, client.name, failed.get(client.name) ?? bestOf(runs.get(client.name)));
    }
    await measureServerCpu(server, open.find(({ client }) => client.name === '@sdb/http')?.db);
  } finally {
    await Promise.all(open.map(({ client, db }) => withDeadline(db.close(), 5000, `${client.name} close`).catch(() => undefined)));
    await server.stop();
  }

  const engine = await openNativeEngine();
  try {
    await engine.query(seedSql)();
    for (const scenario of scenarios.filter((s) => s.kinds.includes('ws'))) {
      const runs = [];
      for (let round = 0; round < repeat; round++) runs.push(await measure(engine.query(scenario.sql), { concurrency: scenario.concurrency, warmupMs, durationMs }));
      record(scenario, ENGINE, bestOf(runs));
    }
  } finally {
    engine.close();
  }

  const codec = measureCodecs({ rounds: CODEC_ROUNDS });
  console.log('');
  printCodecs(codec);

  printTable(results);
  const verdicts = printTargets(results, codec);
  console.log(`\nload average at the end: ${loadText()}`);
  if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, `${JSON.stringify({ durationMs, warmupMs, node: process.version, results, codec, verdicts }, null, 2)}\n`);
}

/** The best figures of several runs (highest ops/s, lowest CPU per call) and the worst. */
function bestOf(runs) {
  const ops = runs.map((run) => run.opsPerSec);
  const cpu = runs.map((run) => run.cpuUsPerCall);
  return { opsPerSec: Math.max(...ops), slowestOpsPerSec: Math.min(...ops), cpuUsPerCall: Math.min(...cpu), worstCpuUsPerCall: Math.max(...cpu), runs: runs.length };
}

/**
 * The server's own CPU per HTTP request (`RETURN 1`, 16 in flight, @sdb/http): what the embedded
 * server's HTTP path costs, apart from any client. Best of `repeat` runs.
 */
async function measureServerCpu(server, db) {
  if (!db) return;
  let best;
  for (let round = 0; round < repeat; round++) {
    const before = await server.cpuUs();
    const { ops } = await measure(() => db.query('RETURN 1'), { concurrency: 16, warmupMs: 0, durationMs });
    const perRequest = ((await server.cpuUs()) - before) / ops;
    if (!(best <= perRequest)) best = perRequest;
  }
  console.log(`\n  server CPU per HTTP request (RETURN 1, 16 in flight, @sdb/http): ${fmt(best, 1)} µs`);
}

function printTable(results) {
  const columns = [...clients.map((c) => c.name), ENGINE];
  const header = ['scenario', ...columns.flatMap((c) => [`${c} ops/s`, `${c} CPU µs/call`])];
  console.log(`\n| ${header.join(' | ')} |\n|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
  for (const s of scenarios) {
    const cells = columns.flatMap((c) => {
      const cell = results[s.id]?.[c];
      if (!cell) return ['—', '—'];
      if (cell.error) return ['failed', 'failed'];
      return [fmt(cell.opsPerSec), fmt(cell.cpuUsPerCall, 1)];
    });
    console.log(`| ${[s.label, ...cells].join(' | ')} |`);
  }
}

/**
 * Issue 12's targets, each beside its measured figure and its floor, met or not, as a markdown
 * table (the README's performance section is this table from one run).
 */
function printTargets(results, codec) {
  const get = (scenario, client, field) => {
    const cell = results[scenario]?.[client];
    return cell && !cell.error ? cell[field] : undefined;
  };
  const x = (value) => (value === undefined ? 'n/a' : `${fmt(value, 2)}x`);
  const ratio = (a, b) => (a !== undefined && b !== undefined ? a / b : undefined);
  const rows = [];
  const target = (section, label, measured, floor, goal, met) => rows.push({ section, label, measured, floor, goal, met });

  // WebSocket: @sdb/ws against the floor (the `ws` library with our codec) and the official SDK.
  for (const id of ['seq', 'c16', 'c64']) {
    const label = scenarios.find((s) => s.id === id).label;
    const [ours, floor, theirs] = ['@sdb/ws', WS_FLOOR, 'surrealdb ws'].map((client) => get(id, client, 'cpuUsPerCall'));
    const overFloor = ratio(ours, floor);
    target('ws', `@sdb/ws CPU/call vs the floor, ${label}`, `${fmt(ours, 1)} vs ${fmt(floor, 1)} µs = ${x(overFloor)}`, `${fmt(floor, 1)} µs`, '<= 1.10x', overFloor === undefined ? undefined : overFloor <= 1.1);
    const vsOfficial = ratio(ours, theirs);
    target('ws', `@sdb/ws CPU/call vs surrealdb ws, ${label}`, `${fmt(ours, 1)} vs ${fmt(theirs, 1)} µs = ${x(vsOfficial)}`, x(ratio(floor, theirs)), '<= 0.60x', vsOfficial === undefined ? undefined : vsOfficial <= 0.6);
  }

  // Node HTTP: @sdb/http (undici) against the official SDK over HTTP, beside the undici floor.
  for (const id of ['seq', 'c16', 'rows', 'rows16']) {
    const label = scenarios.find((s) => s.id === id).label;
    const [ours, theirs, floor] = ['@sdb/http', 'surrealdb http', HTTP_FLOOR].map((client) => get(id, client, 'cpuUsPerCall'));
    const r = ratio(ours, theirs);
    target('http', `@sdb/http CPU/call vs surrealdb http, ${label}`, `${fmt(ours, 1)} vs ${fmt(theirs, 1)} µs = ${x(r)}`, x(ratio(floor, theirs)), '<= 0.33x', r === undefined ? undefined : r <= 1 / 3);
  }
  for (const id of ['c16', 'rows16']) {
    const label = scenarios.find((s) => s.id === id).label;
    const [ours, theirs, floor] = ['@sdb/http', 'surrealdb http', HTTP_FLOOR].map((client) => get(id, client, 'opsPerSec'));
    const r = ratio(ours, theirs);
    target('http', `@sdb/http throughput vs surrealdb http, ${label}`, `${fmt(ours)} vs ${fmt(theirs)} ops/s = ${x(r)}`, x(ratio(floor, theirs)), '>= 1.80x', r === undefined ? undefined : r >= 1.8);
  }

  // The codec: a 100-row result, @sdb/protocol against the official CborCodec; cbor-x (plain values, no tags) as reference.
  if (codec) {
    const by = Object.fromEntries(codec.map((c) => [c.name, c]));
    for (const [op, goal] of [['decode', 5], ['encode', 10]]) {
      const ours = by['@sdb/protocol'][op].us;
      const theirs = by['surrealdb CborCodec'][op].us;
      const reference = by['cbor-x (plain values)'][op].us;
      const speedup = theirs / ours;
      target('codec', `${op} a ${ROWS}-row result, speed-up over surrealdb CborCodec`, `${fmt(ours, 1)} vs ${fmt(theirs, 1)} µs = ${x(speedup)}`, `cbor-x (plain values) ${fmt(reference, 1)} µs = ${x(theirs / reference)}`, `>= ${goal}x`, speedup >= goal);
    }
  }

  console.log('\nTargets (issue 12), from this run:\n');
  console.log('| target | measured | floor / reference | goal | met |\n|---|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.label} | ${row.measured} | ${row.floor} | ${row.goal} | ${row.met === undefined ? 'n/a' : row.met ? 'met' : 'not met'} |`);
  return rows;
}

const started = performance.now();
await main();
console.log(`\nbench finished in ${fmt((performance.now() - started) / 1000, 1)} s`);
