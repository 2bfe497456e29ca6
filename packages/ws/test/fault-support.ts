/**
 * @module Fault-test helpers: an embedded server of the test's own that can be stopped and started
 * again on the same port and datastore (SurrealKV in a temp directory, so data survives), and a
 * loopback TCP proxy that can stop forwarding bytes (a half-open connection).
 *
 * Known engine issue: @surrealdb/node 3.0.3 now and then panics while an engine shuts down
 * ("panicked at src-rust/app/mod.rs:56:36: called `Option::unwrap()` on a `None` value"), which
 * can take the test worker down. Tests therefore stop engines no more often than they must.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type EmbeddedServer } from '@sdb/embedded';

export const ROOT = { user: 'root', pass: 'fault-root-pass' };

export class RestartableServer {
  #server: EmbeddedServer | undefined;
  #port = 0;
  readonly #dir = mkdtempSync(join(tmpdir(), 'sdb-ws-fault-'));

  get url(): string {
    return `ws://127.0.0.1:${this.#port}/rpc`;
  }

  get port(): number {
    return this.#port;
  }

  get running(): boolean {
    return this.#server !== undefined;
  }

  async start(): Promise<void> {
    this.#server = await startServer({ port: this.#port, url: `surrealkv://${this.#dir}`, auth: { username: ROOT.user, password: ROOT.pass } });
    this.#port = this.#server.port;
  }

  async stop(): Promise<void> {
    await this.#server?.close();
    this.#server = undefined;
  }

  async dispose(): Promise<void> {
    await this.stop();
    try {
      rmSync(this.#dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    } catch {
      // The engine may still be flushing in the background; a leftover temp directory is harmless.
    }
  }
}

/** Forwards loopback TCP to a target port until `stall()`: then existing connections go silent (bytes are swallowed) while staying open. */
export class StallingProxy {
  readonly #server: Server;
  readonly #pairs = new Set<[Socket, Socket]>();
  #stalled = false;
  port = 0;

  constructor(targetPort: number) {
    this.#server = createServer((client) => {
      const upstream = new (client.constructor as typeof Socket)();
      upstream.connect(targetPort, '127.0.0.1');
      const pair: [Socket, Socket] = [client, upstream];
      this.#pairs.add(pair);
      const forward = (from: Socket, to: Socket) => from.on('data', (chunk) => {
        if (!(from as Socket & { stalled?: boolean }).stalled) to.write(chunk);
      });
      forward(client, upstream);
      forward(upstream, client);
      const end = () => {
        this.#pairs.delete(pair);
        client.destroy();
        upstream.destroy();
      };
      client.on('close', end).on('error', end);
      upstream.on('close', end).on('error', end);
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.port = (this.#server.address() as { port: number }).port;
  }

  /** Every connection open now stops forwarding in both directions (no FIN, no RST); new ones forward normally. */
  stall(): void {
    this.#stalled = true;
    for (const [client, upstream] of this.#pairs) {
      (client as Socket & { stalled?: boolean }).stalled = true;
      (upstream as Socket & { stalled?: boolean }).stalled = true;
    }
  }

  get stalled(): boolean {
    return this.#stalled;
  }

  async close(): Promise<void> {
    for (const [client, upstream] of this.#pairs) {
      client.destroy();
      upstream.destroy();
    }
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
