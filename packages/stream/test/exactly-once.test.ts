/**
 * Delivery guarantees of a change-feed consumer that is killed and restarted at random points:
 * a consumer in a child process (consumer-process.ts, over HTTP) killed with SIGKILL at random
 * moments, wherever it is; and consumers in this process (over WebSocket, effects in a
 * `transaction()`) stopped at each point where a process can die — before the effects, in the
 * middle of the transaction that writes them, after it committed — to show each is covered.
 * Each restart is a new connection, a new `changes()` iterator, the checkpoint loaded again.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { RecordId } from '@sdb/protocol';
import type { WsClient } from '@sdb/ws';
import { bundleForNode } from '../../embedded/test-support/node-bundle.ts';
import { changes, RecordCheckpoint, type ChangeSet } from '../src/index.ts';
import { closeClients, wsClient } from './support.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';

afterEach(closeClients);

// Writes to CHANGEFEED tables make the 3.0.2 engine print to stderr: they go to a server of their own (see server-process.ts).
let feedServer: ServerProcess;
beforeAll(async () => {
  feedServer = await startServerProcess();
}, 120_000);
afterAll(() => feedServer.stop());

/** A small seeded generator, so a failing run can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** `count` records created one transaction (one versionstamp) each, a hundred statements per call. */
async function produce(db: WsClient, count: number): Promise<void> {
  for (let start = 1; start <= count; start += 100) {
    const ids = Array.from({ length: Math.min(100, count - start + 1) }, (_, i) => new RecordId('source', start + i));
    await db.queryAll(ids.map((_, i) => `CREATE $id${i}`).join(';'), Object.fromEntries(ids.map((id, i) => [`id${i}`, id])));
  }
}

class Killed extends Error {}

type KillPoint = 'before effects' | 'inside the transaction' | 'after commit';
const KILL_POINTS: KillPoint[] = ['before effects', 'inside the transaction', 'after commit'];

/** The consumer process's run: the versionstamps it reported committed, and how it ended. */
interface ConsumerRun {
  committed: bigint[];
  killed: boolean;
  exitCode: number | null;
  stderr: string;
}

/** Runs the consumer; once it has reported `killAfter` commits, SIGKILLs it `delay` ms later (if still running). */
function runConsumer(file: string, args: string[], killAfter: number, delay: number): Promise<ConsumerRun> {
  const child = spawn(process.execPath, [file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const run: ConsumerRun = { committed: [], killed: false, exitCode: null, stderr: '' };
  let pending = '';
  const kill = () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    run.killed = child.kill('SIGKILL');
  };
  if (killAfter === 0) setTimeout(kill, delay);
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!/^\d+$/.test(line)) continue;
      run.committed.push(BigInt(line));
      if (run.committed.length === killAfter) setTimeout(kill, delay);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    run.stderr += chunk.toString();
  });
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      run.exitCode = code;
      resolve(run);
    });
  });
}

const CHILD_CHANGES = 4_000;

test(`exactly-once over ${CHILD_CHANGES.toLocaleString('en')} changes with the consumer in a child process, SIGKILLed at random moments and restarted`, { timeout: 180_000 }, async () => {
  const setup = await wsClient({}, feedServer);
  const [[namespace, database]] = await setup.queryAll<[[string, string]]>('RETURN [session::ns(), session::db()]');
  await setup.queryAll('DEFINE TABLE source CHANGEFEED 1d; DEFINE TABLE effect; DEFINE TABLE feed_checkpoint');
  await produce(setup, CHILD_CHANGES);
  const checkpoint = new RecordCheckpoint(setup, new RecordId('feed_checkpoint', 'effects'));
  const consumer = await bundleForNode({ consumer: 'test/consumer-process.ts' }, fileURLToPath(new URL('..', import.meta.url)));
  const next = random(20261203);
  const runs: ConsumerRun[] = [];
  try {
    for (;;) {
      // Killed after 0 to 299 reported commits, 0 to 15 ms later: while it starts, reads, or commits.
      const run = await runConsumer(consumer.file('consumer'), [feedServer.httpUrl, namespace, database, feedServer.user, feedServer.pass], Math.floor(next() * 300), next() * 15);
      runs.push(run);
      if (!run.killed) {
        expect(run.stderr).toBe('');
        expect(run.exitCode).toBe(0);
        break;
      }
      // A set the consumer reported committed is never handled again: the checkpoint holds it.
      const saved = await checkpoint.load();
      if (run.committed.length > 0) expect(saved).toBeGreaterThanOrEqual(run.committed.at(-1)!);
      if (runs.length > 200) throw new Error('the consumer never caught up');
    }
  } finally {
    await consumer.remove();
  }

  // Every source change applied exactly once, and the checkpoint on the last change set.
  const [effects] = await setup.queryAll<[{ applied: number; versionstamp: bigint }[]]>('SELECT applied, versionstamp FROM effect');
  expect(effects).toHaveLength(CHILD_CHANGES);
  expect(effects.filter((effect) => effect.applied !== 1)).toEqual([]);
  const last = effects.reduce((max, effect) => (effect.versionstamp > max ? effect.versionstamp : max), 0n);
  expect(await checkpoint.load()).toBe(last);
  const kills = runs.filter((run) => run.killed).length;
  expect(kills).toBeGreaterThan(5);
  console.info(`exactly-once (child process): ${CHILD_CHANGES} changes, ${runs.length} consumer processes, ${kills} SIGKILLs`);
});

const CHANGES = 10_000;

test(`exactly-once over ${CHANGES.toLocaleString('en')} changes: effects and checkpoint in one transaction, consumer killed at random points`, { timeout: 300_000 }, async () => {
  const setup = await wsClient({}, feedServer);
  const [[namespace, database]] = await setup.queryAll<[[string, string]]>('RETURN [session::ns(), session::db()]');
  await setup.queryAll('DEFINE TABLE source CHANGEFEED 1d; DEFINE TABLE effect; DEFINE TABLE feed_checkpoint');
  await produce(setup, CHANGES);

  const next = random(20261202);
  const checkpointId = new RecordId('feed_checkpoint', 'effects');
  const kills: KillPoint[] = [];
  let lastVersionstamp = 0n;
  let handledSets = 0;
  for (let run = 0; ; run++) {
    // A new consumer: its own connection, its position read back from the checkpoint record.
    const db = await wsClient({ namespace, database }, feedServer);
    const checkpoint = new RecordCheckpoint(db, checkpointId);
    const feed = changes(db, { table: 'source', checkpoint, commit: 'manual', batchSize: 500, pollInterval: 50 });
    // Kill this consumer after a random number of change sets, at a random point.
    const killAfter = Math.floor(next() * 600);
    const killAt = KILL_POINTS[Math.floor(next() * KILL_POINTS.length)]!;
    let finished = false;
    try {
      let seen = 0;
      for (;;) {
        const result = await Promise.race([feed.next(), idle(1_000)]);
        if (result === undefined) {
          finished = true;
          break;
        }
        if (result.done) throw new Error('the feed ended');
        const set: ChangeSet = result.value;
        const dying = seen++ === killAfter;
        if (dying && killAt === 'before effects') throw new Killed();
        await db.transaction(async (tx) => {
          for (const change of set.changes) {
            if (change.type !== 'update') continue;
            await tx.queryAll('UPSERT $effect SET applied += 1, versionstamp = $versionstamp', { effect: new RecordId('effect', change.id.id), versionstamp: set.versionstamp });
          }
          if (dying && killAt === 'inside the transaction') throw new Killed();
          await checkpoint.save(set.versionstamp, tx);
        });
        handledSets++;
        lastVersionstamp = set.versionstamp;
        if (dying) throw new Killed();
      }
    } catch (error) {
      if (!(error instanceof Killed)) throw error;
      kills.push(killAt);
    } finally {
      await feed.return?.();
      await db.close();
    }
    if (finished) break;
    if (run > 200) throw new Error('the consumer never caught up');
  }

  // Every source change applied exactly once, and the checkpoint at the last change set.
  const [effects] = await setup.queryAll<[{ applied: number }[]]>('SELECT applied FROM effect');
  expect(effects).toHaveLength(CHANGES);
  expect(effects.filter((effect) => effect.applied !== 1)).toEqual([]);
  expect(await new RecordCheckpoint(setup, checkpointId).load()).toBe(lastVersionstamp);
  // The run did exercise every kill point, many times.
  for (const point of KILL_POINTS) expect(kills.filter((kill) => kill === point).length).toBeGreaterThan(1);
  console.info(`exactly-once: ${CHANGES} changes, ${handledSets} change sets handled, ${kills.length} kills (${KILL_POINTS.map((p) => `${p}: ${kills.filter((k) => k === p).length}`).join(', ')})`);
});

test('at-least-once with the automatic checkpoint: a consumer killed after its effects gets that change set again', async () => {
  const setup = await wsClient({}, feedServer);
  const [[namespace, database]] = await setup.queryAll<[[string, string]]>('RETURN [session::ns(), session::db()]');
  await setup.queryAll('DEFINE TABLE source CHANGEFEED 1d; DEFINE TABLE effect; DEFINE TABLE feed_checkpoint');
  await produce(setup, 300);
  const checkpointId = new RecordId('feed_checkpoint', 'auto');
  const crashedOn: unknown[] = [];
  for (let run = 0; run < 50; run++) {
    const db = await wsClient({ namespace, database }, feedServer);
    const feed = changes(db, { table: 'source', checkpoint: new RecordCheckpoint(db, checkpointId), pollInterval: 50 });
    let finished = false;
    try {
      for (let seen = 0; ; seen++) {
        const result = await Promise.race([feed.next(), idle(1_000)]);
        if (result === undefined) {
          finished = true;
          break;
        }
        if (result.done) throw new Error('the feed ended');
        for (const change of result.value.changes) {
          if (change.type !== 'update') continue;
          // The effect is written on its own; the checkpoint follows only when next() is called.
          await db.queryAll('UPSERT $effect SET applied += 1', { effect: new RecordId('effect', change.id.id) });
          if (seen === 37) {
            crashedOn.push(change.id.id);
            throw new Killed();
          }
        }
      }
    } catch (error) {
      if (!(error instanceof Killed)) throw error;
    } finally {
      await feed.return?.();
      await db.close();
    }
    if (finished) break;
  }
  const [effects] = await setup.queryAll<[{ id: RecordId; applied: number }[]]>('SELECT id, applied FROM effect');
  // Nothing lost; each change set in hand at a kill was applied twice, every other once.
  expect(effects).toHaveLength(300);
  const twice = effects.filter((effect) => effect.applied === 2).map((effect) => effect.id.id);
  expect(twice.sort()).toEqual([...crashedOn].sort());
  expect(crashedOn.length).toBeGreaterThan(3);
  expect(effects.every((effect) => effect.applied === 1 || effect.applied === 2)).toBe(true);
});

function idle(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms));
}
