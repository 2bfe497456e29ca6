/**
 * Named connections: `configure()` names the clients, querysets and instances run on `default`
 * unless `.using(name | client)` picks another, and a name nobody configured is a typed error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configure, f, model, pushSchema, UnknownConnectionError } from '../src/index.ts';
import type { WsClient } from '@sdb/ws';
import { transports, type TestConnection } from './clients.ts';

const Note = model('note', { text: f.string() });

describe('configure() and using()', () => {
  let main: TestConnection;
  let analytics: TestConnection;

  beforeAll(async () => {
    // Two databases (two fresh scopes), so which one a query ran on shows in the data.
    main = await transports.ws('orm_conn_main');
    analytics = await transports.http('orm_conn_analytics');
    configure({ default: main.client, analytics: analytics.client });
    await pushSchema([Note]);
    await pushSchema([Note], { using: 'analytics' });
    await Note.objects.create({ text: 'in main' });
    await Note.objects.using('analytics').create({ text: 'in analytics' });
  });

  afterAll(async () => {
    await main?.close();
    await analytics?.close();
  });

  it('runs on the default connection unless told otherwise', async () => {
    expect(await Note.objects.valuesList('text', { flat: true })).toEqual(['in main']);
  });

  it('runs on a named connection with using(name)', async () => {
    expect(await Note.objects.using('analytics').valuesList('text', { flat: true })).toEqual(['in analytics']);
  });

  it('runs on a client given directly to using()', async () => {
    expect(await Note.objects.using(analytics.client).count()).toBe(1);
  });

  it('saves an instance on the connection given to save()', async () => {
    const note = new Note({ text: 'saved to analytics' });
    await note.save({ using: 'analytics' });
    expect(await Note.objects.using('analytics').count()).toBe(2);
    expect(await Note.objects.count()).toBe(1);
  });

  it('runs on a @sdb/ws transaction given to using(): a throw inside leaves nothing written', async () => {
    const ws = main.client as WsClient;
    await ws.transaction(async (tx) => {
      await Note.objects.using(tx).create({ text: 'committed' });
    });
    const failed = ws.transaction(async (tx) => {
      await Note.objects.using(tx).create({ text: 'rolled back' });
      throw new Error('changed my mind');
    });
    await expect(failed).rejects.toThrow('changed my mind');
    expect(await Note.objects.filter({ text__in: ['committed', 'rolled back'] }).valuesList('text', { flat: true })).toEqual(['committed']);
  });

  it('names the missing connection, and those configured, when a name is unknown', async () => {
    const error = await Note.objects.using('reporting').count().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownConnectionError);
    expect((error as Error).message).toMatch(/"reporting".*configured: default, analytics/);
  });
});
