/**
 * Hostile frames at the embedded server: mutated real frames sent raw over a WebSocket are each
 * answered (an RPC error, or a result when the edit left a valid request) while an @sdb/ws client
 * on the same server goes on unharmed; and frames over `maxFrameBytes` are refused on both sides —
 * by the client before sending (`FrameTooLargeError`), by the server by closing that socket (1009).
 */
import fc from 'fast-check';
import { afterAll, expect, test } from 'vitest';
import { startServer } from '@sdb/embedded';
import { FrameTooLargeError, encode } from '@sdb/protocol';
import { connect } from '@sdb/ws';
import { RawSocket } from '../../embedded/test/raw-socket.ts';
import { recordFigures } from './support/figures.ts';
import { mutatedFrame } from './support/frames.ts';
import { scaled } from './support/scale.ts';
import { closeAll, surrealdb, wsClient } from './support/servers.ts';

const FRAMES = scaled(2_000, 50_000);

afterAll(closeAll);

async function until(condition: () => boolean, timeout: number, what: string): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test(`${FRAMES.toLocaleString('en-US')} mutated frames: each answered, the offending socket still served, another client unharmed`, async () => {
  const bystander = await wsClient();
  const offender = await RawSocket.open(surrealdb().url);
  const frames = fc.sample(mutatedFrame, { numRuns: FRAMES, seed: 15 });
  let bystanderCalls = 0;
  for (const [i, frame] of frames.entries()) {
    offender.sendRaw(frame);
    if (i % 100 === 0) {
      expect(await bystander.queryAll<[number]>('RETURN $n + 1', { n: i })).toEqual([i + 1]);
      bystanderCalls++;
    }
  }
  await until(() => offender.frames.length >= FRAMES, 30_000, `${FRAMES} answers`);
  const errors = offender.frames.filter((frame) => frame.error !== undefined).length;
  expect(offender.frames).toHaveLength(FRAMES);
  expect(errors).toBeGreaterThan(FRAMES / 2);
  offender.frames.length = 0;
  expect(await offender.call('ping')).toMatchObject({ result: undefined });
  await offender.close();
  recordFigures('hostile-frames', {
    'malformed frames sent to the server': FRAMES,
    'answered with an RPC error': errors,
    'answered with a result': FRAMES - errors,
    'unanswered': 0,
    'bystander calls answered meanwhile': bystanderCalls,
  });
});

test('frames over maxFrameBytes: the client refuses to send one, the server closes the socket that sent one, the others go on', async () => {
  const limit = 64 * 1024;
  const server = await startServer({ maxFrameBytes: limit });
  try {
    const db = await connect(server.url, { namespace: 'rel', database: 'frames', maxFrameBytes: limit });
    const big = 'x'.repeat(limit);
    await expect(db.queryAll('RETURN string::len($big)', { big })).rejects.toThrow(FrameTooLargeError);
    expect(await db.queryAll<[number]>('RETURN string::len($s)', { s: 'x'.repeat(limit / 2) })).toEqual([limit / 2]);

    const unlimited = await RawSocket.open(server.url);
    unlimited.sendRaw(encode({ id: 1, method: 'query', params: ['RETURN string::len($big)', { big }] }));
    expect(await unlimited.closed).toBe(1009);
    expect(await db.queryAll<[number]>('RETURN 1 + 1')).toEqual([2]);
    await db.close();
    recordFigures('hostile-frames', { 'oversized frames refused by the client': 1, 'oversized frames refused by the server (1009)': 1 });
  } finally {
    await server.close();
  }
});
