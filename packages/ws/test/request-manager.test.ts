/**
 * @module The request manager's recovery hook, on its own (no socket): how a call whose session
 * expired is retried after signing in again without a promise of its own per call. SurrealDB
 * 3.0.2's embedded engine never expires a WebSocket session, so the engine cannot make this
 * happen; the reply frames here are the shape the server sends.
 */
import { ConnectionClosedError, NotAllowedError, TimeoutError } from '@sdb/protocol';
import { expect, test } from 'vitest';
import { RequestManager } from '../src/request-manager.ts';

const expired = { code: -32000, message: 'The session has expired', kind: 'NotAllowed', details: { kind: 'Auth', details: { kind: 'SessionExpired' } } };

test('a failed call whose recovery answers another attempt settles with that attempt', async () => {
  const requests = new RequestManager();
  const seen: Error[] = [];
  const slot = requests.open('query', Infinity, undefined, (error) => {
    seen.push(error);
    return Promise.resolve('second attempt');
  });
  requests.settle(slot.id, { error: expired });
  await expect(slot.promise).resolves.toBe('second attempt');
  expect(seen).toHaveLength(1);
  expect(seen[0]).toBeInstanceOf(NotAllowedError);
});

test('a recovery that answers nothing lets the call reject with its own error', async () => {
  const requests = new RequestManager();
  const slot = requests.open('query', Infinity, undefined, () => undefined);
  requests.settle(slot.id, { error: expired });
  await expect(slot.promise).rejects.toBeInstanceOf(NotAllowedError);
});

test('a failed second attempt is the call’s failure', async () => {
  const requests = new RequestManager();
  const slot = requests.open('query', Infinity, undefined, () => Promise.reject(new ConnectionClosedError('gone')));
  requests.settle(slot.id, { error: expired });
  await expect(slot.promise).rejects.toBeInstanceOf(ConnectionClosedError);
});

test('timeouts and a closed socket reach the recovery too, which may decline them', async () => {
  const requests = new RequestManager();
  const seen: string[] = [];
  const recovery = (error: Error) => {
    seen.push(error.constructor.name);
    return undefined;
  };
  const timed = requests.open('query', 5, undefined, recovery);
  await expect(timed.promise).rejects.toBeInstanceOf(TimeoutError);
  const closed = requests.open('query', Infinity, undefined, recovery);
  requests.rejectAll(() => new ConnectionClosedError('closed'));
  await expect(closed.promise).rejects.toBeInstanceOf(ConnectionClosedError);
  expect(seen).toEqual(['TimeoutError', 'ConnectionClosedError']);
  expect(requests.size).toBe(0);
});

test('a reply that succeeds never asks the recovery', async () => {
  const requests = new RequestManager();
  let asked = false;
  const slot = requests.open('query', Infinity, undefined, () => {
    asked = true;
    return undefined;
  });
  requests.settle(slot.id, { result: 42 });
  await expect(slot.promise).resolves.toBe(42);
  expect(asked).toBe(false);
});
