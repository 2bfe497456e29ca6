/**
 * @module `pnpm bench`, part 2: what @sdb/pool costs and what it gives. `RETURN 1` with 64 calls
 * in flight, through one client and through a pool of the same clients, over @sdb/ws and
 * @sdb/http, against one server and against two (each server in its own child process, so this
 * process's CPU time counts the clients and the pool only). Prints ops/s, client CPU µs per call,
 * the pool's own CPU per call (a pool whose members are all one client, minus that client alone:
 * the same sockets, so only the pool's work differs), and the two-server speed-up.
 */
import { connect as connectHttp } from '@sdb/http';
import { createPool } from '@sdb/pool';
import { connect as connectWs } from '@sdb/ws';
import { measure } from './measure.mjs';
import { startServerProcess, withDeadline } from './server-child.mjs';

const durationMs = Number(process.env.BENCH_DURATION_MS ?? 1000);
const repeat = Number(process.env.BENCH_REPEAT ?? 3);
const warmupMs = Number(process.env.BENCH_WARMUP_MS ?? 300);
const IN_FLIGHT = 64;
const options = { namespace: 'bench', database: 'bench', auth: { username: 'root', password: 'root' } };

const transports = {
  ws: { connect: (url) => connectWs(url.replace(/^http/, 'ws'), { ...options, reconnect: false }), members: IN_FLIGHT },
  // Node's fetch gains nothing past 16 sockets per origin here (see bench/README.md).
  http: { connect: (url) => connectHttp(url, options), members: 16 },
};

/** The setups of one transport: a single client, a pool on one server, a pool over two. */
function setups(kind, servers) {
  const { connect, members } = transports[kind];
  return [
    { name: `${kind}: one client`, open: () => connect(servers[0]) },
    // Every member is the same client: the same sockets as the line above, so the difference is the pool's own work.
    {
      name: `${kind}: pool of ${members} × that client`,
      open: async () => {
        const shared = await connect(servers[0]);
        return createPool({ endpoints: [servers[0]], connect: async () => shared, min: members, max: members });
      },
    },
    { name: `${kind}: pool, 1 server, max ${members}`, open: async () => createPool({ endpoints: [servers[0]], connect, min: members, max: members }) },
    { name: `${kind}: pool, 2 servers, max ${members}`, open: async () => createPool({ endpoints: servers, connect, min: members, max: members }) },
  ];
}

const fmt = (value, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main() {
  const servers = await Promise.all([startServerProcess(), startServerProcess()]);
  const urls = servers.map((server) => server.url);
  const rows = [];
  try {
    console.log(`\n@sdb/pool: RETURN 1, ${IN_FLIGHT} in flight; best of ${repeat} runs of ${durationMs} ms after ${warmupMs} ms warm-up\n`);
    for (const kind of Object.keys(transports)) {
      for (const setup of setups(kind, urls)) {
        const client = await withDeadline(setup.open(), 30_000, `${setup.name} open`);
        try {
          // Every pool member open before measuring (min = max): the figures are calls, not connects.
          await Promise.all(Array.from({ length: IN_FLIGHT }, () => client.query('RETURN 1')));
          let best;
          for (let run = 0; run < repeat; run++) {
            const cell = await withDeadline(measure(() => client.query('RETURN 1'), { concurrency: IN_FLIGHT, warmupMs, durationMs }), durationMs + warmupMs + 15_000, setup.name);
            if (!best || cell.opsPerSec > best.opsPerSec) best = cell;
          }
          rows.push({ kind, name: setup.name, ...best });
          console.log(`  ${setup.name.padEnd(32)} ${fmt(best.opsPerSec).padStart(8)} ops/s ${fmt(best.cpuUsPerCall, 1).padStart(8)} µs CPU/call`);
        } finally {
          await client.close();
        }
      }
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }

  console.log('\n| transport | setup | ops/s | client CPU µs/call | pool work CPU µs/call |');
  console.log('|---|---|---:|---:|---:|');
  for (const row of rows) {
    const single = rows.find((other) => other.kind === row.kind && other.name.endsWith('one client'));
    const overhead = row.name.includes('× that client') ? fmt(row.cpuUsPerCall - single.cpuUsPerCall, 1) : '—';
    console.log(`| ${row.kind} | ${row.name.slice(row.kind.length + 2)} | ${fmt(row.opsPerSec)} | ${fmt(row.cpuUsPerCall, 1)} | ${overhead} |`);
  }
  for (const kind of Object.keys(transports)) {
    const [, , one, two] = rows.filter((row) => row.kind === kind);
    if (one && two) console.log(`${kind}: two servers give ${fmt(two.opsPerSec / one.opsPerSec, 2)}x the throughput of one (through the pool)`);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
