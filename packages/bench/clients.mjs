/**
 * @module The four clients under test, behind one shape: `open(baseUrl)` resolves
 * `{ query(sql), close() }`, each signed in as root on namespace/database `bench`.
 */
import { connect as connectHttp } from '@sdb/http';
import { connect as connectWs } from '@sdb/ws';
import { Surreal } from 'surrealdb';
import WebSocket from 'ws';

const namespace = 'bench';
const database = 'bench';
const auth = { username: 'root', password: 'root' };

function wsUrl(base) {
  return base.replace(/^http/, 'ws');
}

/** @type {{ name: string, kind: 'ws' | 'http', open(url: string): Promise<{ query(sql: string): Promise<unknown>, close(): Promise<void> }> }[]} */
export const clients = [
  {
    name: '@sdb/ws',
    kind: 'ws',
    async open(url) {
      const db = await connectWs(wsUrl(url), { namespace, database, auth });
      return { query: (sql) => db.query(sql), close: () => db.close() };
    },
  },
  {
    name: 'surrealdb ws',
    kind: 'ws',
    async open(url) {
      const db = new Surreal({ websocketImpl: WebSocket });
      await db.connect(`${wsUrl(url)}/rpc`, { namespace, database, authentication: auth, versionCheck: false });
      return { query: (sql) => db.query(sql), close: () => db.close() };
    },
  },
  {
    name: '@sdb/http',
    kind: 'http',
    async open(url) {
      const db = await connectHttp(url, { namespace, database, auth });
      return { query: (sql) => db.query(sql), close: () => db.close() };
    },
  },
  {
    name: 'surrealdb http',
    kind: 'http',
    async open(url) {
      const db = new Surreal();
      await db.connect(`${url}/rpc`, { namespace, database, authentication: auth, versionCheck: false });
      return { query: (sql) => db.query(sql), close: () => db.close() };
    },
  },
];
