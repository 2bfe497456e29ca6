/**
 * @module Test helpers: three endpoints that share one datastore, as SurrealDB nodes over TiKV do:
 * loopback TCP proxies in front of the one server under test, each of which can go down (its
 * listener and every connection through it closed) and come back on the same port, or stall.
 */
import { createServer, Socket, type Server } from 'node:net';
import { connect, type WsClient } from '@sdb/ws';
import { afterEach, beforeEach } from 'vitest';
import { surrealdb, uniqueScope, type Scope } from '../../embedded/test-support/index.ts';
import { createPool, type Pool, type PoolOptions } from '../src/index.ts';

export { surrealdb, uniqueScope };

/** One endpoint: a proxy to the server under test. */
export class Endpoint {
  #server: Server | undefined;
  readonly #sockets = new Set<Socket>();
  /** Connections accepted since the start. */
  connections = 0;
  /** Chunks forwarded to the server: grows with the calls this endpoint serves. */
  forwarded = 0;
  /** While true, bytes are swallowed both ways and connections stay open: a server that hangs, or a half-open link. */
  stalled = false;
  port = 0;

  constructor(readonly targetPort: number) {}

  get url(): string {
    return `ws://127.0.0.1:${this.port}/rpc`;
  }

  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts forwarding (again, on the same port). */
  async up(): Promise<void> {
    const server = createServer((client) => {
      this.connections++;
      const upstream = new Socket();
      upstream.connect(this.targetPort, '127.0.0.1');
      for (const socket of [client, upstream]) {
        this.#sockets.add(socket);
        socket.on('close', () => {
          this.#sockets.delete(socket);
          client.destroy();
          upstream.destroy();
        });
        socket.on('error', () => undefined);
      }
      client.on('data', (chunk) => {
        if (this.stalled) return;
        this.forwarded++;
        upstream.write(chunk);
      });
      upstream.on('data', (chunk) => this.stalled || client.write(chunk));
    });
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.#server = server;
  }

  /** Refuses new connections and cuts every open one: the server behind it looks dead. */
  async down(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    for (const socket of this.#sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Three endpoints in front of the server under test. */
export async function threeEndpoints(): Promise<Endpoint[]> {
  const target = Number(new URL(surrealdb().url).port);
  const endpoints = [new Endpoint(target), new Endpoint(target), new Endpoint(target)];
  await Promise.all(endpoints.map((endpoint) => endpoint.up()));
  return endpoints;
}

/**
 * For each test of the file: three fresh endpoints, and `open()` for a pool of @sdb/ws members over
 * them (in a fresh scope); after the test the pool is closed and the endpoints taken down.
 */
export function poolPerTest(): { readonly endpoints: Endpoint[]; open(options?: Partial<PoolOptions<WsClient>>): Pool<WsClient> } {
  let endpoints: Endpoint[] = [];
  let pool: Pool<WsClient> | undefined;
  beforeEach(async () => {
    endpoints = await threeEndpoints();
  });
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
    await Promise.all(endpoints.map((endpoint) => endpoint.down()));
  });
  return {
    get endpoints() {
      return endpoints;
    },
    open(options = {}) {
      pool = createPool({ endpoints: endpoints.map((endpoint) => endpoint.url), connect: wsMember(uniqueScope('pool')), ...options });
      return pool;
    },
  };
}

/** A `connect` for the pool: a root @sdb/ws client in `scope`, that does not reconnect by itself (the pool replaces it). */
export function wsMember(scope: Scope): (url: string) => Promise<WsClient> {
  const { user, pass } = surrealdb();
  return (url) => connect(url, { ...scope, auth: { username: user, password: pass }, reconnect: false, ping: false, timeout: 5_000, connectTimeout: 2_000 });
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until `condition()` holds, polling; throws after `timeout` ms. */
export async function until(condition: () => boolean, timeout = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(10);
  }
}
