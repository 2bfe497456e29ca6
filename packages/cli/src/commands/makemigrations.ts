/**
 * @module `sdb makemigrations [--name N] [--empty]`: offline (no database), diffs the models
 * against the schema the existing migration files build and writes the next migration file.
 */
import { makeMigration } from '@sdb/orm/migrations';
import { relative } from 'node:path';
import type { Command } from '../command.ts';
import { loadMigrations, loadModels, writeMigration } from '../project.ts';

export const makemigrations: Command = {
  usage: 'makemigrations [--name N] [--empty]',
  summary: 'write the next migration file from the models (offline)',
  options: { name: { type: 'string' }, empty: { type: 'boolean', default: false } },
  positionals: { min: 0, max: 0 },
  needsDatabase: false,
  async run({ config, values, report }) {
    const { models } = await loadModels(config);
    const existing = await loadMigrations(config);
    report.step(`${existing.length} existing migration${existing.length === 1 ? '' : 's'}, ${models.length} model${models.length === 1 ? '' : 's'}`);
    const migration = makeMigration(values.name as string | undefined, models, existing, { empty: values.empty === true });
    if (migration === undefined) return { lines: ['No changes: the models match the migrations.'], data: { created: null } };
    const file = writeMigration(config, migration);
    const where = relative(config.root, file);
    return {
      lines: [`Created ${where} (${migration.up.length} operation${migration.up.length === 1 ? '' : 's'})`],
      data: { created: { name: migration.name, file: where, operations: migration.up.length } },
    };
  },
};
