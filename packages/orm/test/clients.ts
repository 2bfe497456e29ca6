/**
 * @module The clients every ORM suite runs on: @sdb/ws and @sdb/http against the server under
 * test, each signed in as root, and `connectEmbedded`'s engine in-process; each in a fresh namespace and
 * database, so suites never share data.
 */
import { connectEmbedded } from '@sdb/embedded';
import { connect as connectHttp } from '@sdb/http';
import { connect as connectWs } from '@sdb/ws';
import { surrealdb, uniqueScope } from '../../embedded/test-support/index.ts';
import type { OrmClient } from '../src/connection.ts';
import { configure, pushSchema } from '../src/index.ts';

export interface TestConnection {
  client: OrmClient;
  close(): Promise<void>;
}

/** Each transport by name, so a suite can run once per transport with `describe.each`. */
export const transports = {
  ws: async (prefix: string): Promise<TestConnection> => {
    const server = surrealdb();
    const client = await connectWs(server.url, { ...uniqueScope(prefix), auth: { username: server.user, password: server.pass } });
    return { client, close: () => client.close() };
  },
  http: async (prefix: string): Promise<TestConnection> => {
    const server = surrealdb();
    const client = await connectHttp(server.httpUrl, { ...uniqueScope(prefix), auth: { username: server.user, password: server.pass } });
    return { client, close: () => client.close() };
  },
  embedded: async (prefix: string): Promise<TestConnection> => {
    // The client users get from @sdb/embedded, with its interactive `transaction(fn)`.
    const client = await connectEmbedded('mem://');
    await client.use(uniqueScope(prefix));
    return { client, close: () => client.close() };
  },
} as const;

export const transportNames = Object.keys(transports) as (keyof typeof transports)[];

/**
 * A suite's connection on `transport`: a fresh namespace and database named from `prefix`, made
 * the default connection (and `analytics`, for suites that name one), with `models` pushed.
 */
export async function suiteConnection(transport: keyof typeof transports, prefix: string, models: Parameters<typeof pushSchema>[0]): Promise<TestConnection> {
  const db = await transports[transport](`${prefix}_${transport}`);
  configure({ default: db.client, analytics: db.client });
  await pushSchema(models);
  return db;
}
