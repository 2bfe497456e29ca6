/**
 * @module `sdb sqlmigrate NAME [--down]`: prints the SurrealQL a migration runs (offline).
 * NAME is the migration's full name or its number (`0002` or `2`).
 */
import { compileMigration } from '@sdb/orm/migrations';
import type { Command } from '../command.ts';
import { findMigration, loadMigrations } from '../project.ts';

export const sqlmigrate: Command = {
  usage: 'sqlmigrate NAME [--down]',
  summary: 'print the SurrealQL a migration runs (--down: its rollback)',
  options: { down: { type: 'boolean', default: false } },
  positionals: { min: 1, max: 1 },
  needsDatabase: false,
  async run({ config, values, positionals }) {
    const migration = findMigration(await loadMigrations(config), positionals[0]!);
    const direction = values.down === true ? 'down' : 'up';
    const surql = compileMigration(migration, direction);
    return { lines: [surql], data: { name: migration.name, direction, surql } };
  },
};
