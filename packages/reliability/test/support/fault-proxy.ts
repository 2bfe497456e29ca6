/**
 * @module A loopback TCP proxy that injects network faults between a client and a server:
 * `delay(ms)` holds every chunk back, `blackhole()` swallows bytes both ways while connections
 * stay open (dropped packets), `halfOpen()` closes the server side of every connection and tells
 * the client nothing, `reset()` sends the client a TCP RST, `cut()` closes both sides, `down()`
 * also stops listening (a dead endpoint) until `up()`; `heal()` ends delays and blackholes.
 */
import { createServer, Socket, type Server } from 'node:net';

interface Pair {
  client: Socket;
  upstream: Socket;
}

export class FaultProxy {
  #server: Server | undefined;
  readonly #pairs = new Set<Pair>();
  #delay = 0;
  #blackhole = false;
  port = 0;
  /** Faults injected so far, by kind. */
  readonly injected: Record<string, number> = {};

  constructor(readonly targetPort: number) {}

  get url(): string {
    return `ws://127.0.0.1:${this.port}/rpc`;
  }

  async up(): Promise<void> {
    const server = createServer((client) => this.#accept(client));
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.#server = server;
  }

  delay(ms: number): void {
    this.#count('delay');
    this.#delay = ms;
  }

  blackhole(): void {
    this.#count('blackhole');
    this.#blackhole = true;
  }

  heal(): void {
    this.#delay = 0;
    this.#blackhole = false;
  }

  halfOpen(): void {
    this.#count('half-open');
    for (const pair of this.#pairs) {
      // The client's socket stays open and silent: only a liveness check can tell it is dead.
      pair.client.removeAllListeners('data');
      pair.upstream.removeAllListeners('close');
      pair.upstream.destroy();
    }
  }

  reset(): void {
    this.#count('reset');
    for (const pair of this.#pairs) pair.client.resetAndDestroy();
  }

  cut(): void {
    this.#count('cut');
    for (const pair of this.#pairs) pair.client.destroy();
  }

  /** Stops listening and cuts every connection: the endpoint is dead until `up()`. */
  async down(): Promise<void> {
    this.#count('endpoint down');
    const server = this.#server;
    this.#server = undefined;
    for (const pair of this.#pairs) pair.client.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  #count(kind: string): void {
    this.injected[kind] = (this.injected[kind] ?? 0) + 1;
  }

  #accept(client: Socket): void {
    const upstream = new Socket();
    upstream.connect(this.targetPort, '127.0.0.1');
    const pair = { client, upstream };
    this.#pairs.add(pair);
    for (const socket of [client, upstream]) {
      socket.on('error', () => undefined);
      socket.on('close', () => {
        this.#pairs.delete(pair);
        client.destroy();
        upstream.destroy();
      });
    }
    const forward = (to: Socket) => (chunk: Buffer) => {
      if (this.#blackhole) return;
      if (this.#delay > 0) setTimeout(() => to.destroyed || to.write(chunk), this.#delay);
      else to.write(chunk);
    };
    client.on('data', forward(upstream));
    upstream.on('data', forward(client));
  }
}
