/**
 * The whole stack as a user composes it (`test/types/stack.ts`, also compiled by strict tsc):
 * the same @sdb/ql calls on the ws client, a ws session, ws transactions, the http client, the
 * embedded client and its transaction, each against the real engine.
 */
import { RecordId } from '@sdb/protocol';
import { expect, test } from 'vitest';
import { surrealdb, uniqueScope } from '../../embedded/test-support/index.ts';
import { stack } from './types/stack.ts';

test('run, runBatch and atomic work with every kind of client and inside every kind of transaction', async () => {
  const { url, httpUrl, user, pass } = surrealdb();
  const report = await stack({ url, httpUrl, username: user, password: pass, ...uniqueScope('ql_stack') });

  const served = ['ws', 'wsTransaction', 'wsSession', 'wsSessionTransaction', 'http'];
  expect(Object.keys(report)).toEqual([...served.slice(0, 2), ...served.slice(2), 'embedded', 'embeddedTransaction']);
  for (const [label, { shout, moved }] of Object.entries(report)) {
    const id = new RecordId('person', label);
    expect(shout).toBe(label.toUpperCase());
    expect(moved).toEqual([[{ id, name: label, age: 17 }], [{ id, name: label, age: 18 }]]);
  }
  // The server's clients share one database, so each sees the people created before it; the embedded engine is its own.
  served.forEach((label, i) => expect(report[label]?.adults).toEqual(served.slice(0, i + 1).sort()));
  expect(report.embedded?.adults).toEqual(['embedded']);
  expect(report.embeddedTransaction?.adults).toEqual(['embedded', 'embeddedTransaction']);
});
