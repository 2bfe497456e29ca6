/**
 * @module @sdb/wasm: SurrealDB compiled to WebAssembly (`@surrealdb/wasm`), in a Web Worker of the
 * page, behind the same client contract as every sdb client, so @sdb/ql and @sdb/orm code runs
 * offline in a browser unchanged. Browser-only.
 */
export { connectWasm, WasmClient, type WasmOptions, type WasmUrl } from './connect.ts';
export { WorkerEngine, type WasmEngineOptions } from './worker-engine.ts';
