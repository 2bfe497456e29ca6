/**
 * @module Loads `@surrealdb/node`'s native engine binding directly, the way that package's own
 * loader does (createRequire + the platform `.node` file), without importing its `.mjs` entry,
 * which would pull in the official `surrealdb` SDK at runtime.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Options `SurrealNodeEngine.connect` accepts (a plain object, not CBOR). */
export interface NativeEngineOptions {
  strict?: boolean;
  query_timeout?: number;
  transaction_timeout?: number;
  capabilities?:
    | boolean
    | {
        scripting?: boolean;
        guest_access?: boolean;
        live_query_notifications?: boolean;
        functions?: boolean | string[] | { allow?: boolean | string[]; deny?: boolean | string[] };
        network_targets?: boolean | string[] | { allow?: boolean | string[]; deny?: boolean | string[] };
        experimental?: boolean | string[] | { allow?: boolean | string[]; deny?: boolean | string[] };
      };
}

/** A stream of CBOR-encoded live notifications; `recv()` resolves `null` once the engine is freed. */
export interface NativeNotificationReceiver {
  recv(): Promise<Uint8Array | null>;
}

/** One running SurrealDB datastore inside this process. */
export interface NativeEngine {
  /** Runs one CBOR RPC request; resolves the CBOR bare result or `{error}` (no `id` echo). */
  execute(request: Uint8Array): Promise<Uint8Array>;
  notifications(): Promise<NativeNotificationReceiver>;
  /** Runs a SurrealQL import script against the engine (the namespace/database come from the script). */
  import(sql: string): Promise<unknown>;
  /** Exports SurrealQL; `options` is the CBOR-encoded export options (including `ns`/`db`). */
  export(options: Uint8Array): Promise<string>;
  /** Drops the datastore; resolves once the connection is gone. */
  free(): Promise<void>;
}

export interface NativeBinding {
  SurrealNodeEngine: { connect(url: string, options?: NativeEngineOptions): Promise<NativeEngine> };
}

let binding: NativeBinding | undefined;

/** The native binding, loaded once per process. Throws a clear error when no binary fits this platform. */
export function loadNativeBinding(): NativeBinding {
  binding ??= requireBinding();
  return binding;
}

function requireBinding(): NativeBinding {
  const require = createRequire(import.meta.url);
  const override = process.env.NAPI_RS_NATIVE_LIBRARY_PATH;
  if (override) return require(override) as NativeBinding;
  const dist = packageDist(require);
  const file = join(dist, `surrealdb-node.${platformSuffix()}.node`);
  if (!existsSync(file)) {
    throw new Error(`@surrealdb/node has no native engine for ${process.platform}-${process.arch} (looked for ${file})`);
  }
  return require(file) as NativeBinding;
}

/** `@surrealdb/node`'s dist folder; its exports map has only an `import` condition, so resolve by search path. */
function packageDist(require: NodeJS.Require): string {
  for (const dir of require.resolve.paths('@surrealdb/node') ?? []) {
    const dist = join(dir, '@surrealdb', 'node', 'dist');
    if (existsSync(join(dist, 'surrealdb-node.mjs'))) return dist;
  }
  throw new Error('Cannot find the @surrealdb/node package: install it next to @sdb/embedded');
}

function platformSuffix(): string {
  const { platform, arch } = process;
  if (platform === 'linux') return `linux-${arch}-${isMusl() ? 'musl' : 'gnu'}`;
  if (platform === 'win32') return `win32-${arch}-msvc`;
  return `${platform}-${arch}`;
}

function isMusl(): boolean {
  try {
    return readFileSync('/usr/bin/ldd', 'utf8').includes('musl');
  } catch {
    const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
    return !report?.header?.glibcVersionRuntime;
  }
}
