/**
 * @module The project's files as the commands need them: the models module's models and edges,
 * and the migration files in name order. A file that is missing or does not load fails with a
 * `ProjectFileError` naming it.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { AnyModel } from '@sdb/orm';
import { renderMigration, type Migration } from '@sdb/orm/migrations';
import type { ResolvedConfig } from './config.ts';
import { ConfigError, ProjectFileError, UnknownMigrationError } from './errors.ts';
import { importModule } from './modules.ts';


/** Migration files: `0001_initial.mjs`, `0002_add_email.ts`... (a number, a name; ES modules). */
export const MIGRATION_FILE = /^\d+_[\w-]+\.(mjs|js|mts|ts)$/;

/** A model or edge class as `model()` makes it: a function with its table and fields. */
function isModel(value: unknown): value is AnyModel {
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
export async function loadModels(config: ResolvedConfig): Promise<{ names: string[]; models: AnyModel[] }> {
  if (config.models === undefined) throw new ConfigError(config.file, 'this command needs "models": the module exporting your models');
  const module = await load(config.models, 'the models module');
  const exported = module.default !== undefined && !isModel(module.default) ? (module.default as Record<string, unknown>) : module;
  const entries = Object.entries(exported).filter((entry): entry is [string, AnyModel] => isModel(entry[1]));
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

/** The migration of each migration file (its default export), in name order; a file whose migration is not named after it is refused. */
export async function loadMigrations(config: ResolvedConfig): Promise<Migration[]> {
  const loaded: Migration[] = [];
  for (const file of migrationFiles(config)) {
    const migration = (await load(file, 'the migration file')).default as Migration | undefined;
    if (typeof migration !== 'object' || migration === null) throw new ProjectFileError(file, 'a migration file must `export default` its migration ({ name, up, down })');
    if (migration.name !== basename(file).replace(/\.\w+$/, '')) throw new ProjectFileError(file, `its migration is named ${JSON.stringify(migration.name)}: a migration file is named after its migration`);
    loaded.push(migration);
  }
  return loaded;
}

/** Writes `migration` as `<migrations>/<name>.mjs`; never overwrites a file. */
export function writeMigration(config: ResolvedConfig, migration: Migration): string {
  const file = join(config.migrations, `${migration.name}.mjs`);
  if (existsSync(file)) throw new ProjectFileError(file, 'exists already; a migration file is never overwritten');
  mkdirSync(config.migrations, { recursive: true });
  writeFileSync(file, renderMigration(migration));
  return file;
}

/** The migration `name` designates: its full name (`0002_add_email`) or its number (`0002`, `2`). */
export function findMigration(migrations: readonly Migration[], name: string): Migration {
  const number = /^\d+$/.test(name) ? Number(name) : undefined;
  const found = migrations.find((migration) => migration.name === name || (number !== undefined && Number(/^\d+/.exec(migration.name)?.[0]) === number));
  if (found === undefined) throw new UnknownMigrationError(name, migrations.map((migration) => migration.name));
  return found;
}
