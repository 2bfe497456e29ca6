/**
 * @module Test helpers: clients of every kind on the real engine, each in a fresh namespace and
 * database (the @sdb/ws client and the @sdb/http client on the server under test, the
 * @sdb/embedded client in-process), a recorder of the query texts a client is sent, and `take`,
 * which reads a stream with a deadline so that a missing event fails the test instead of hanging it.
 */
import type { CompiledQuery, Queryable } from '@sdb/protocol';
import { connectEmbedded, type EmbeddedClient } from '@sdb/embedded';
import { connect as connectHttp, type HttpClient } from '@sdb/http';
import { connect as connectWs, type ConnectOptions, type WsClient } from '@sdb/ws';
import { surrealdb, uniqueScope } from '../../embedded/test-support/index.ts';

const opened: { close(): Promise<void> }[] = [];

/** Where a server listens and its root user. */
export interface ServerAddress {
  url: string;
  httpUrl: string;
  user: string;
  pass: string;
}

/** A root @sdb/ws client on `server` (default: the server under test). */
export async function wsClient(options: ConnectOptions = {}, server: ServerAddress = surrealdb()): Promise<WsClient> {
  const { url, user, pass } = server;
  const db = await connectWs(url, { ...uniqueScope('stream'), auth: { username: user, password: pass }, ...options });
  opened.push(db);
  return db;
}

/** A root @sdb/http client on `server` (default: the server under test), in a fresh scope or the one given. */
export async function httpClient(scope = uniqueScope('stream_http'), server: ServerAddress = surrealdb()): Promise<HttpClient> {
  const { httpUrl, user, pass } = server;
  const db = await connectHttp(httpUrl, { ...scope, auth: { username: user, password: pass } });
  opened.push(db);
  return db;
}

/** An in-process engine client (its notifications come through its transport). */
export async function embeddedClient(): Promise<EmbeddedClient> {
  const db = await connectEmbedded('mem://');
  await db.use(uniqueScope('stream_embedded'));
  opened.push(db);
  return db;
}

export async function closeClients(): Promise<void> {
  await Promise.all(opened.splice(0).map((client) => client.close().catch(() => undefined)));
}

/** Every query text a client is sent, through `query`/`queryAll` or `liveQuery`. */
export function recordQueries<C extends Queryable>(client: C): { client: C; texts: string[] } {
  const texts: string[] = [];
  const note = (sql: unknown) => texts.push(typeof sql === 'string' ? sql : (sql as CompiledQuery).query);
  const wrapped = new Proxy(client, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      if (key === 'query' || key === 'queryAll' || key === 'liveQuery') {
        return (sql: unknown, ...rest: unknown[]) => {
          note(sql);
          return (value as (...args: unknown[]) => unknown).call(target, sql, ...rest);
        };
      }
      return value.bind(target);
    },
  });
  return { client: wrapped, texts };
}

/** The next `count` values of `iterator`; rejects when they do not all arrive within `timeout` ms. */
export async function take<T>(iterator: AsyncIterator<T>, count: number, timeout = 10_000): Promise<T[]> {
  const values: T[] = [];
  const deadline = Date.now() + timeout;
  while (values.length < count) {
    const left = deadline - Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`only ${values.length} of ${count} values within ${timeout} ms`)), Math.max(left, 0));
    });
    try {
      const result = await Promise.race([iterator.next(), expired]);
      if (result.done) throw new Error(`the stream ended after ${values.length} of ${count} values`);
      values.push(result.value);
    } finally {
      clearTimeout(timer);
    }
  }
  return values;
}

/** Whether `iterator` yields nothing more within `ms` (the pending next() is left to the stream's end). */
export async function quiet<T>(iterator: AsyncIterator<T>, ms: number): Promise<boolean> {
  const next = iterator.next().then(() => false);
  return Promise.race([next, new Promise<boolean>((resolve) => setTimeout(() => resolve(true), ms))]);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
