/**
 * The diagnostics events both transports emit: one per settled call, with secrets masked and
 * a throwing hook unable to change the call's outcome.
 */
import { expect, test } from 'vitest';
import { TimeoutError, type RequestDiagnostic } from '../src/index.ts';
import { observeRequest } from '../src/transport.ts';

test('a successful call is reported with its method, masked params and duration', async () => {
  const events: RequestDiagnostic[] = [];
  const result = await observeRequest((event) => events.push(event), { method: 'signin', params: [{ user: 'root', pass: 's3cret' }], internal: false }, async () => 'token');
  expect(result).toBe('token');
  expect(events).toEqual([{ method: 'signin', params: [{ user: 'root', pass: '***' }], duration: expect.any(Number), ok: true, internal: false }]);
  expect(JSON.stringify(events)).not.toContain('s3cret');
});

test('a failed call is reported with the error class name, and still rejects with its error', async () => {
  const events: RequestDiagnostic[] = [];
  const failure = new TimeoutError('query timed out');
  await expect(observeRequest((event) => events.push(event), { method: 'query', params: ['SLEEP 1s'], internal: true }, () => Promise.reject(failure))).rejects.toBe(failure);
  expect(events).toMatchObject([{ method: 'query', params: ['SLEEP 1s'], ok: false, error: 'TimeoutError', internal: true }]);
});

test('a hook that throws changes nothing about the call', async () => {
  const result = await observeRequest(
    () => {
      throw new Error('broken logger');
    },
    { method: 'ping', params: [], internal: false },
    async () => 'pong',
  );
  expect(result).toBe('pong');
});
