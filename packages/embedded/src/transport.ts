/**
 * @module `createEmbeddedTransport`: an sdb `Transport` over an in-process SurrealDB engine, so
 * `RpcClient` and every layer above it run against the real engine with no network at all
 * (@sdb/protocol's `EngineTransport`, plus the engine's SurrealQL import and export).
 */
import type { Transport } from '@sdb/protocol';
import { DEFAULT_TIMEOUT, EngineTransport, timeoutOption } from '@sdb/protocol/transport';
import { EmbeddedClient } from './client.ts';
import { Engine, type EngineScope, type EngineUrl, type NativeEngineOptions } from './engine.ts';

export interface EmbeddedTransportOptions {
  /** Default per-call timeout in ms (30 000, as over ws and http; `Infinity` for none, `0` is refused); each call may pass its own. */
  timeout?: number;
  /** Engine settings passed to `@surrealdb/node` (strictness, capabilities, timeouts). */
  engine?: NativeEngineOptions;
}

/** A `Transport` that also exposes the engine's SurrealQL import and export. */
export interface EmbeddedTransport extends Transport {
  /** Runs a SurrealQL script in the given namespace and database. */
  import(sql: string, scope?: EngineScope): Promise<void>;
  /** Exports the given namespace and database as SurrealQL. */
  export(options?: Record<string, unknown>, scope?: EngineScope): Promise<string>;
}

const WHERE = 'createEmbeddedTransport';

/** Opens `mem://`, `surrealkv://path` or `rocksdb://path` in this process as a `Transport`. */
export async function createEmbeddedTransport(
  url: EngineUrl = 'mem://',
  options: EmbeddedTransportOptions = {},
): Promise<EmbeddedTransport> {
  const timeout = timeoutOption(WHERE, 'timeout', options.timeout, DEFAULT_TIMEOUT);
  const engine = await Engine.open(url, options.engine);
  return new InProcessTransport(engine, timeout);
}

/** Opens an in-process engine and returns a client over it (every RPC method, `transaction(fn)`, `close`). */
export async function connectEmbedded(url: EngineUrl = 'mem://', options: EmbeddedTransportOptions = {}): Promise<EmbeddedClient> {
  return new EmbeddedClient(await createEmbeddedTransport(url, options));
}

class InProcessTransport extends EngineTransport implements EmbeddedTransport {
  readonly #engine: Engine;

  constructor(engine: Engine, timeout: number) {
    super(engine, timeout, 'embedded');
    this.#engine = engine;
  }

  import(sql: string, scope?: EngineScope): Promise<void> {
    return this.closed ? Promise.reject(this.closedError()) : this.#engine.import(sql, scope);
  }

  export(options?: Record<string, unknown>, scope?: EngineScope): Promise<string> {
    return this.closed ? Promise.reject(this.closedError()) : this.#engine.export(options, scope);
  }
}
