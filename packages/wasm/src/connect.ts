/**
 * @module `connectWasm`: the SurrealDB engine compiled to WebAssembly, in a Web Worker of the
 * page, as an sdb client: the shared `RpcClient` (the `Queryable` contract, so @sdb/ql and
 * @sdb/orm run on it unchanged), interactive transactions, live queries and `close`.
 */
import { DEFAULT_TIMEOUT, EngineClient, EngineTransport, functionOption, invalidOption, timeoutOption } from '@sdb/protocol/transport';
import { WorkerEngine, type WasmEngineOptions } from './worker-engine.ts';

/** Where the datastore lives: in memory (`mem://`), or in the page origin's IndexedDB (`indxdb://name`). */
export type WasmUrl = 'mem://' | `indxdb://${string}`;

export interface WasmOptions {
  /**
   * Starts a fresh `@surrealdb/wasm/worker` agent, e.g. with Vite
   * `() => new Worker(new URL('@surrealdb/wasm/worker', import.meta.url), { type: 'module' })`.
   * The agent loads `../wasm/surrealdb_bg.wasm` relative to its own URL.
   */
  worker: () => Worker;
  /** Default per-call timeout in ms (30 000, as over ws and http; `Infinity` for none). */
  timeout?: number;
  /** Engine settings passed to `@surrealdb/wasm` (capabilities, query and transaction timeouts). */
  engine?: WasmEngineOptions;
}

/** The client `connectWasm` answers. */
export class WasmClient extends EngineClient<EngineTransport> {}

const WHERE = 'connectWasm';
const WASM_URL = /^(mem:\/\/|indxdb:\/\/.+)$/;

/** Opens the engine in a worker on `url` and answers a client over it. */
export async function connectWasm(url: WasmUrl, options: WasmOptions): Promise<WasmClient> {
  if (typeof url !== 'string' || !WASM_URL.test(url)) throw invalidOption(WHERE, 'url', 'be mem:// or indxdb://name');
  const startWorker = functionOption(WHERE, 'worker', options?.worker);
  if (startWorker === undefined) throw invalidOption(WHERE, 'worker', 'be a function that starts a @surrealdb/wasm/worker agent');
  const timeout = timeoutOption(WHERE, 'timeout', options.timeout, DEFAULT_TIMEOUT);
  const engine = await WorkerEngine.open(startWorker(), url, options.engine);
  return new WasmClient(new EngineTransport(engine, timeout, 'WebAssembly'));
}
