/**
 * @module The four clients under test (@sdb/http resolves to its Node entry: undici), and the
 * three floors, behind one shape: `open(baseUrl)` resolves
 * `{ query(sql), close() }`, each signed in as root on namespace/database `bench`.
 */
import { once } from 'node:events';
import { connect as connectHttp } from '@sdb/http';
import { decode, encode } from '@sdb/protocol';
import { connect as connectWs } from '@sdb/ws';
import { Surreal } from 'surrealdb';
import { Agent, request } from 'undici';
import WebSocket from 'ws';

const namespace = 'bench';
const database = 'bench';
const auth = { username: 'root', password: 'root' };

function wsUrl(base) {
  return base.replace(/^http/, 'ws');
}

/** @type {{ name: string, kind: 'ws' | 'http', floor?: true, open(url: string): Promise<{ query(sql: string): Promise<unknown>, close(): Promise<void> }> }[]} */
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
  // The floors: the transport alone (the `ws` library, the platform `fetch`, undici's `request`)
  // with our codec and no client logic. No client built on that transport can cost less CPU per call than its floor.
  {
    name: 'floor: ws + codec',
    kind: 'ws',
    floor: true,
    async open(url) {
      const socket = new WebSocket(`${wsUrl(url)}/rpc`, ['cbor']);
      await once(socket, 'open');
      const waiting = new Map();
      let nextId = 0;
      socket.on('message', (data) => {
        const reply = decode(data);
        const settle = waiting.get(reply.id);
        waiting.delete(reply.id);
        if (reply.error) settle.reject(new Error(reply.error.message));
        else settle.resolve(reply.result);
      });
      const call = (method, params) =>
        new Promise((resolve, reject) => {
          const id = ++nextId;
          waiting.set(id, { resolve, reject });
          socket.send(encode({ id, method, params }));
        });
      await call('signin', [{ user: auth.username, pass: auth.password }]);
      await call('use', [namespace, database]);
      return { query: (sql) => call('query', [sql]), close: async () => socket.close() };
    },
  },
  {
    name: 'floor: fetch + codec',
    kind: 'http',
    floor: true,
    async open(url) {
      const post = async (method, params, token) => {
        const response = await fetch(`${url}/rpc`, {
          method: 'POST',
          headers: { accept: 'application/cbor', 'content-type': 'application/cbor', 'surreal-ns': namespace, 'surreal-db': database, ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: encode({ id: 1, method, params }),
        });
        const reply = decode(new Uint8Array(await response.arrayBuffer()));
        if (reply.error) throw new Error(reply.error.message);
        return reply.result;
      };
      const token = await post('signin', [{ user: auth.username, pass: auth.password }]);
      return { query: (sql) => post('query', [sql], token), close: async () => undefined };
    },
  },
  {
    name: 'floor: undici request + codec',
    kind: 'http',
    floor: true,
    async open(url) {
      const agent = new Agent();
      const post = async (method, params, token) => {
        const response = await request(`${url}/rpc`, {
          dispatcher: agent,
          method: 'POST',
          headers: { accept: 'application/cbor', 'content-type': 'application/cbor', 'surreal-ns': namespace, 'surreal-db': database, ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: encode({ id: 1, method, params }),
        });
        const reply = decode(new Uint8Array(await response.body.arrayBuffer()));
        if (reply.error) throw new Error(reply.error.message);
        return reply.result;
      };
      const token = await post('signin', [{ user: auth.username, pass: auth.password }]);
      return { query: (sql) => post('query', [sql], token), close: () => agent.close() };
    },
  },
];
