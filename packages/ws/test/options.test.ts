/**
 * Pure pieces: endpoint normalisation, option validation, backoff delays, and the
 * browser/edge rule (no Node built-ins or globals in src/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '@sdb/protocol';
import { backoffDelay, connect } from '../src/index.ts';
import { rpcEndpoint } from '../src/endpoint.ts';
import { resolveOptions } from '../src/options.ts';

describe('endpoint', () => {
  test.each([
    ['ws://127.0.0.1:8000', 'ws://127.0.0.1:8000/rpc'],
    ['ws://127.0.0.1:8000/', 'ws://127.0.0.1:8000/rpc'],
    ['ws://127.0.0.1:8000/rpc', 'ws://127.0.0.1:8000/rpc'],
    ['wss://db.example.com/base/', 'wss://db.example.com/base/rpc'],
    ['http://localhost:8000', 'ws://localhost:8000/rpc'],
    ['https://db.example.com', 'wss://db.example.com/rpc'],
  ])('%s -> %s', (given, expected) => {
    expect(rpcEndpoint(given)).toBe(expected);
  });

  test('other schemes and non-URLs are a TypeError', () => {
    expect(() => rpcEndpoint('ftp://x')).toThrow(TypeError);
    expect(() => rpcEndpoint('not a url')).toThrow(TypeError);
  });

  test('credentials in the URL are a TypeError that does not repeat them (URLs end up in logs)', () => {
    expect(() => rpcEndpoint('ws://root:hunter2@127.0.0.1:8000')).toThrow(/`auth` option/);
    expect(() => rpcEndpoint('ws://root:hunter2@127.0.0.1:8000')).not.toThrow(/hunter2/);
  });

  test('connect rejects a bad URL before opening anything', async () => {
    await expect(connect('mem://')).rejects.toThrow(TypeError);
  });
});

describe('options', () => {
  test('defaults', () => {
    const options = resolveOptions();
    expect(options.timeout).toBe(30_000);
    expect(options.whenDisconnected).toBe('wait');
    expect(options.ping).toEqual({ interval: 10_000, timeout: 5_000 });
    expect(options.reconnect).toMatchObject({ initialDelay: 100, maxDelay: 10_000, factor: 2, jitter: 0.5, maxAttempts: Infinity });
  });

  test('a pong deadline never exceeds the interval (a dead socket must be seen within two intervals)', () => {
    expect(resolveOptions({ ping: { interval: 1000, timeout: 5000 } }).ping).toEqual({ interval: 1000, timeout: 1000 });
  });

  test.each([
    [{ timeout: -1 }, 'timeout'],
    [{ timeout: 0 }, 'timeout'],
    [{ connectTimeout: 0 }, 'connectTimeout'],
    [{ waitTimeout: 0 }, 'waitTimeout'],
    [{ timeout: '5s' as never }, 'timeout'],
    [{ whenDisconnected: 'maybe' as never }, 'whenDisconnected'],
    [{ reconnect: { jitter: 2 } }, 'reconnect.jitter'],
    [{ reconnect: { maxAttempts: 1.5 } }, 'reconnect.maxAttempts'],
    [{ ping: { interval: 0 } }, 'ping.interval'],
    [{ ping: { interval: 1000, timeout: 0 } }, 'ping.timeout'],
    [{ namespace: '' }, 'namespace'],
    [{ diagnostics: 'yes' as never }, 'diagnostics'],
  ])('%j is refused with an InvalidOptionError naming the option', (options, option) => {
    const error = rejectionOf(() => resolveOptions(options));
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error).toMatchObject({ option, message: expect.stringMatching(new RegExp(`^connect: ${option.replace('.', '\\.')} must `)) });
  });

  test('Infinity is the one way to say "no timeout"', () => {
    expect(resolveOptions({ timeout: Infinity }).timeout).toBe(Infinity);
  });

  test('connect refuses a bad option before opening anything', async () => {
    await expect(connect('ws://127.0.0.1:9', { timeout: 0 })).rejects.toBeInstanceOf(InvalidOptionError);
  });
});

/** What `run` throws (the test fails if it returns). */
function rejectionOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('backoff', () => {
  const options = { initialDelay: 100, maxDelay: 1000, factor: 2, jitter: 0.5, maxAttempts: Infinity };

  test('grows exponentially up to the cap, without jitter at random() = 0', () => {
    expect([0, 1, 2, 3, 4, 5].map((attempt) => backoffDelay(options, attempt, () => 0))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  test('jitter takes off at most its fraction', () => {
    expect(backoffDelay(options, 3, () => 1)).toBe(400);
    for (let i = 0; i < 100; i++) {
      const delay = backoffDelay(options, 10);
      expect(delay).toBeGreaterThanOrEqual(500);
      expect(delay).toBeLessThanOrEqual(1000);
    }
  });
});

test('src/ imports no Node built-in and uses no Node global (browsers and edge runtimes)', () => {
  const dir = new URL('../src/', import.meta.url);
  for (const file of readdirSync(dir)) {
    const code = readFileSync(new URL(file, dir), 'utf8');
    expect(code, file).not.toMatch(/from ['"]node:|import\(['"]node:/);
    expect(code, file).not.toMatch(/(?<![.\w$])(Buffer|process|require)\s*[.(]/);
  }
});
