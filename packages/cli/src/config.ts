/**
 * @module The project config: `sdb.config.mjs`, `.js` or `.ts` at the project root (or the file
 * `--config` names), its default export checked field by field, then SURREAL_URL,
 * SURREAL_NAMESPACE, SURREAL_DATABASE, SURREAL_USER and SURREAL_PASS over it. Paths resolve
 * against the config file's folder.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError } from './errors.ts';
import { importModule } from './modules.ts';

/** What a `sdb.config.*` file exports by default. */
export interface SdbConfig {
  /** `ws://`/`wss://` (through @sdb/ws) or `http://`/`https://` (through @sdb/http). */
  url?: string;
  namespace?: string;
  database?: string;
  /** Root (or namespace/database) credentials to sign in with. */
  auth?: { username: string; password: string };
  /** A module exporting the project's models and edges. */
  models?: string;
  /** The folder of migration files (default `./migrations`). */
  migrations?: string;
}

/** The config as the commands use it: paths absolute, environment applied. */
export interface ResolvedConfig {
  /** The config file it came from. */
  file: string;
  root: string;
  url: string | undefined;
  namespace: string | undefined;
  database: string | undefined;
  auth: { username: string; password: string } | undefined;
  models: string | undefined;
  migrations: string;
}

export const CONFIG_FILES = ['sdb.config.mjs', 'sdb.config.js', 'sdb.config.ts'] as const;
const KEYS = new Set(['url', 'namespace', 'database', 'auth', 'models', 'migrations']);

/** Finds the config file in `cwd` (or takes `explicit`), loads it and applies the environment. */
export async function loadConfig(cwd: string, env: Readonly<Record<string, string | undefined>>, explicit?: string): Promise<ResolvedConfig> {
  const file = explicit !== undefined ? resolve(cwd, explicit) : CONFIG_FILES.map((name) => resolve(cwd, name)).find((path) => existsSync(path));
  if (file === undefined) throw new ConfigError(undefined, `no ${CONFIG_FILES.join(', ')} in ${cwd} (or pass --config FILE)`);
  if (!existsSync(file)) throw new ConfigError(file, 'does not exist');
  let loaded: Record<string, unknown>;
  try {
    loaded = await importModule(file);
  } catch (error) {
    throw new ConfigError(file, `could not be loaded: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return resolveConfig(file, checkConfig(file, loaded.default), env);
}

function checkConfig(file: string, value: unknown): SdbConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(file, 'must `export default` an object ({ url, namespace, database, auth, models, migrations })');
  const config = value as Record<string, unknown>;
  for (const key of Object.keys(config)) if (!KEYS.has(key)) throw new ConfigError(file, `unknown key "${key}" (known: ${[...KEYS].join(', ')})`);
  for (const key of ['url', 'namespace', 'database', 'models', 'migrations']) {
    if (config[key] !== undefined && typeof config[key] !== 'string') throw new ConfigError(file, `"${key}" must be a string`);
  }
  const auth = config.auth as Record<string, unknown> | undefined;
  if (auth !== undefined && (typeof auth !== 'object' || auth === null || typeof auth.username !== 'string' || typeof auth.password !== 'string')) {
    throw new ConfigError(file, '"auth" must be { username: string, password: string }');
  }
  return config as SdbConfig;
}

function resolveConfig(file: string, config: SdbConfig, env: Readonly<Record<string, string | undefined>>): ResolvedConfig {
  const root = dirname(file);
  const username = env.SURREAL_USER ?? config.auth?.username;
  const password = env.SURREAL_PASS ?? config.auth?.password;
  if ((username === undefined) !== (password === undefined)) throw new ConfigError(file, 'a user needs a password and a password a user (auth, SURREAL_USER, SURREAL_PASS)');
  const url = env.SURREAL_URL ?? config.url;
  if (url !== undefined && !/^(wss?|https?):\/\//.test(url)) throw new ConfigError(file, `url must start with ws://, wss://, http:// or https:// (got ${redactUrl(url)})`);
  return {
    file,
    root,
    url,
    namespace: env.SURREAL_NAMESPACE ?? config.namespace,
    database: env.SURREAL_DATABASE ?? config.database,
    auth: username !== undefined && password !== undefined ? { username, password } : undefined,
    models: config.models === undefined ? undefined : resolve(root, config.models),
    migrations: resolve(root, config.migrations ?? './migrations'),
  };
}

/** `url` with any password in it replaced, fit to print. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/:@]*):[^/@]*@/i, '$1:***@');
}
