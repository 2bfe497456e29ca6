/**
 * @module The project's files as the commands need them: the models module's models and edges,
 * and the migration files in name order. A file that is missing or does not load fails with a
 * `ProjectFileError` naming it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedConfig } from './config.ts';
import { ConfigError, ProjectFileError } from './errors.ts';
import { importModule } from './modules.ts';

/** A model or edge as a models module exports it: a class with its table and fields. */
export interface ModelExport {
  readonly name: string;
  readonly table: string;
  readonly fields: object;
}

/** Migration files: `0001_initial.mjs`, `0002_add_email.ts`... (a number, a name; ES modules). */
export const MIGRATION_FILE = /^\d+_[\w-]+\.(mjs|js|mts|ts)$/;

function isModel(value: unknown): value is ModelExport {
  return typeof value === 'function' && typeof (value as { table?: unknown }).table === 'string' && typeof (value as { fields?: unknown }).fields === 'object';
}

async function load(file: string, what: string): Promise<Record<string, unknown>> {
  if (!existsSync(file)) throw new ProjectFileError(file, `${what} does not exist`);
  try {
    return await importModule(file);
  } catch (error) {
    throw new ProjectFileError(file, `${what} could not be loaded: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Every model and edge the config's models module exports (named exports, or a default array or object of them), in export order. */
export async function loadModels(config: ResolvedConfig): Promise<{ names: string[]; models: ModelExport[] }> {
  if (config.models === undefined) throw new ConfigError(config.file, 'this command needs "models": the module exporting your models');
  const module = await load(config.models, 'the models module');
  const exported = module.default !== undefined && !isModel(module.default) ? (module.default as Record<string, unknown>) : module;
  const entries = Object.entries(exported).filter((entry): entry is [string, ModelExport] => isModel(entry[1]));
  if (entries.length === 0) throw new ProjectFileError(config.models, 'the models module exports no model (export the classes model() and edge() return)');
  // A default array's keys are indexes: name those models by their class name (the table).
  return { names: entries.map(([key, value]) => (/^\d+$/.test(key) ? value.name : key)), models: entries.map(([, value]) => value) };
}

/** The migration files of the config's folder, sorted by name (none when the folder does not exist yet). */
export function migrationFiles(config: ResolvedConfig): string[] {
  if (!existsSync(config.migrations)) return [];
  return readdirSync(config.migrations)
    .filter((name) => MIGRATION_FILE.test(name))
    .sort()
    .map((name) => join(config.migrations, name));
}

/** The default export of each migration file, in order. */
export async function loadMigrationModules(config: ResolvedConfig): Promise<{ file: string; value: unknown }[]> {
  const loaded = [];
  for (const file of migrationFiles(config)) {
    const module = await load(file, 'the migration file');
    if (module.default === undefined) throw new ProjectFileError(file, 'a migration file must `export default` its migration');
    loaded.push({ file, value: module.default });
  }
  return loaded;
}
