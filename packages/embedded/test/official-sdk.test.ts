/**
 * The official `surrealdb` SDK (2.0.8, a dev dependency only) as an independent client of
 * `startServer()`: if it can sign in, use, create, query, select and follow a live query over
 * WebSocket, and do the same work over HTTP, the server speaks SurrealDB's protocol faithfully.
 */
import { RecordId, Surreal, Table } from 'surrealdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, type EmbeddedServer } from '../src/server.ts';

let server: EmbeddedServer;

beforeAll(async () => {
  server = await startServer({ auth: { username: 'root', password: 'root' } });
});

afterAll(async () => {
  await server.close();
});

function sdk(): Surreal {
  // Node 20 has no global WebSocket; the SDK takes the `ws` package instead.
  return new Surreal({ websocketImpl: WebSocket as unknown as typeof globalThis.WebSocket });
}

describe('over WebSocket', () => {
  it('signs in, uses, creates, queries and selects', async () => {
    const db = sdk();
    try {
      await db.connect(server.url);
      const tokens = await db.signin({ username: 'root', password: 'root' });
      expect(tokens.access.split('.')).toHaveLength(3);
      await db.use({ namespace: 'sdk_ws', database: 'main' });
      await db.query('DEFINE TABLE person');

      const tobie = await db.create(new RecordId('person', 'tobie')).content({ name: 'Tobie', age: 33 });
      expect(tobie).toMatchObject({ name: 'Tobie', age: 33 });
      const [adults] = await db.query<[{ name: string }[]]>('SELECT name FROM person WHERE age >= $min', { min: 18 });
      expect(adults).toEqual([{ name: 'Tobie' }]);
      const selected = await db.select<{ name: string }>(new RecordId('person', 'tobie'));
      expect(selected?.name).toBe('Tobie');
    } finally {
      await db.close();
    }
  });

  it('receives a CREATE notification on a live query', async () => {
    const db = sdk();
    try {
      await db.connect(server.url, { namespace: 'sdk_ws', database: 'live', authentication: { username: 'root', password: 'root' } });
      await db.query('DEFINE TABLE event');
      const live = await db.live(new Table('event'));
      const messages = live[Symbol.asyncIterator]();

      await db.create(new RecordId('event', 'e1')).content({ kind: 'signup' });
      const { value } = await messages.next();
      expect(value).toMatchObject({ action: 'CREATE', value: { kind: 'signup' } });
      expect(String(value?.recordId)).toBe('event:e1');
      await live.kill();
    } finally {
      await db.close();
    }
  });

  it('keeps the SDK sessions of two connections apart', async () => {
    const first = sdk();
    const second = sdk();
    try {
      await first.connect(server.url, { authentication: { username: 'root', password: 'root' } });
      await second.connect(server.url, { authentication: { username: 'root', password: 'root' } });
      await first.use({ namespace: 'sdk_ws', database: 'first' });
      const forked = await first.newSession();
      // A new session starts unauthenticated, as on a real server.
      await forked.signin({ username: 'root', password: 'root' });
      await forked.use({ namespace: 'sdk_ws', database: 'forked' });

      const [firstDb] = await first.query<[string]>('RETURN session::db()');
      const [forkedDb] = await forked.query<[string]>('RETURN session::db()');
      const [secondDb] = await second.query<[string | undefined]>('RETURN session::db()');
      expect([firstDb, forkedDb, secondDb]).toEqual(['first', 'forked', undefined]);
    } finally {
      await first.close();
      await second.close();
    }
  });
});

describe('over HTTP', () => {
  it('signs in, uses, creates, queries and selects', async () => {
    const db = new Surreal();
    try {
      await db.connect(server.httpUrl);
      await db.signin({ username: 'root', password: 'root' });
      await db.use({ namespace: 'sdk_http', database: 'main' });
      await db.query('DEFINE TABLE city');

      await db.create(new RecordId('city', 'paris')).content({ name: 'Paris' });
      const [names] = await db.query<[string[]]>('SELECT VALUE name FROM city');
      expect(names).toEqual(['Paris']);
      expect((await db.select<{ name: string }>(new RecordId('city', 'paris')))?.name).toBe('Paris');
    } finally {
      await db.close();
    }
  });

  it('imports and exports SurrealQL through /import and /export', async () => {
    const db = new Surreal();
    try {
      await db.connect(server.httpUrl, { namespace: 'sdk_http', database: 'io', authentication: { username: 'root', password: 'root' } });
      await db.import('DEFINE TABLE planet SCHEMALESS; CREATE planet:mars SET name = "Mars";');
      const [names] = await db.query<[string[]]>('SELECT VALUE name FROM planet');
      expect(names).toEqual(['Mars']);
      const script = String(await db.export());
      expect(script).toContain('DEFINE TABLE planet');
      expect(script).toContain('Mars');
    } finally {
      await db.close();
    }
  });

  it('is refused without signing in', async () => {
    const db = new Surreal();
    try {
      await db.connect(server.httpUrl);
      await db.use({ namespace: 'sdk_http', database: 'main' });
      await expect(db.query('RETURN 1')).rejects.toThrow();
    } finally {
      await db.close();
    }
  });
});
