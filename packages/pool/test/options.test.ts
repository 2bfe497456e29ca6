import { InvalidOptionError } from '@sdb/protocol';
import { expect, test } from 'vitest';
import { createPool, type PoolOptions } from '../src/index.ts';
import type { WsClient } from '@sdb/ws';

const valid: PoolOptions<WsClient> = {
  endpoints: ['ws://127.0.0.1:1/rpc'],
  connect: () => Promise.reject(new Error('no connect expected')),
};

const refused: [string, Record<string, unknown>][] = [
  ['endpoints', { endpoints: [] }],
  ['endpoints', { endpoints: 'ws://127.0.0.1:1/rpc' }],
  ['endpoints[1]', { endpoints: ['ws://127.0.0.1:1/rpc', 'not a url'] }],
  ['endpoints', { endpoints: ['ws://127.0.0.1:1/rpc', 'ws://127.0.0.1:1/rpc'] }],
  ['connect', { connect: 'ws' }],
  ['max', { max: 0 }],
  ['max', { max: 2.5 }],
  ['min', { min: -1 }],
  ['min', { min: 5, max: 4 }],
  ['acquireTimeout', { acquireTimeout: 0 }],
  ['acquireTimeout', { acquireTimeout: Infinity }],
  ['idleTimeout', { idleTimeout: -5 }],
  ['healthCheckInterval', { healthCheckInterval: Number.NaN }],
  ['healthCheckTimeout', { healthCheckTimeout: '1s' }],
  ['strategy', { strategy: 'random' }],
  ['backoff', { backoff: 5 }],
  ['backoff.initialDelay', { backoff: { initialDelay: 0 } }],
  ['healthCheckTimeout', { healthCheckTimeout: Infinity }],
];

test.each(refused)('a bad %s is refused at createPool with an InvalidOptionError naming it', (option, override) => {
  let connects = 0;
  const connect = () => {
    connects++;
    return Promise.reject(new Error('unreachable'));
  };
  const error = (() => {
    try {
      createPool({ ...valid, connect, ...override } as PoolOptions<WsClient>);
    } catch (caught) {
      return caught;
    }
  })();
  expect(error).toBeInstanceOf(InvalidOptionError);
  expect((error as InvalidOptionError).option).toBe(option);
  expect((error as Error).message).toMatch(/^createPool: /);
  expect(connects).toBe(0);
});

test('endpoint credentials never show in stats', async () => {
  const pool = createPool({ ...valid, endpoints: ['ws://root:s3cret@127.0.0.1:1/rpc'] });
  expect(JSON.stringify(pool.stats())).not.toContain('s3cret');
  expect(pool.stats().endpoints[0]!.url).toBe('ws://127.0.0.1:1/rpc');
  await pool.close();
});

test('Infinity turns idle eviction and health checks off', async () => {
  const pool = createPool({ ...valid, idleTimeout: Infinity, healthCheckInterval: Infinity });
  expect(pool.stats()).toMatchObject({ size: 0, waiting: 0 });
  await pool.close();
});
