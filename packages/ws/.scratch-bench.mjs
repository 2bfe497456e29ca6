import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { connect } from './dist/index.js';
import { Surreal } from 'surrealdb';
import WebSocket from 'ws';

const child = spawn(process.execPath, ['../bench/server-process.mjs'], { stdio: ['pipe', 'pipe', 'inherit'] });
const [line] = await once(createInterface({ input: child.stdout }), 'line');
const { url } = JSON.parse(line);
const ws = url.replace(/^http/, 'ws');
const auth = { username: 'root', password: 'root' };

async function measure(name, query, concurrency, ms = 1500) {
  const end = performance.now() + 300; while (performance.now() < end) await query();
  const cpu0 = process.cpuUsage(); const t0 = performance.now(); let n = 0;
  const deadline = t0 + ms;
  await Promise.all(Array.from({ length: concurrency }, async () => { while (performance.now() < deadline) { await query(); n++; } }));
  const t = performance.now() - t0; const cpu = process.cpuUsage(cpu0);
  console.log(name, 'c=' + concurrency, Math.round(n / (t / 1000)), 'ops/s', ((cpu.user + cpu.system) / n).toFixed(1), 'cpu µs/call');
}
const mine = await connect(ws, { namespace: 'b', database: 'b', auth });
const sdk = new Surreal({ websocketImpl: WebSocket });
await sdk.connect(`${ws}/rpc`, { namespace: 'b', database: 'b', authentication: auth, versionCheck: false });
for (const c of [1, 64]) {
  await measure('@sdb/ws', () => mine.query('RETURN 1'), c);
  await measure('surrealdb', () => sdk.query('RETURN 1'), c);
}
await mine.close(); await sdk.close(); child.stdin.end();
