/**
 * @module Every `sdb` command by name, in the order `sdb --help` lists them.
 */
import type { Command } from '../command.ts';
import { migrate, rollback, status } from './apply.ts';
import { makemigrations } from './makemigrations.ts';
import { inspectdb, push, schemadiff } from './schema.ts';
import { shell } from './shell.ts';
import { sqlmigrate } from './sqlmigrate.ts';

export const COMMANDS: Readonly<Record<string, Command>> = {
  makemigrations,
  migrate,
  rollback,
  status,
  sqlmigrate,
  schemadiff,
  inspectdb,
  push,
  shell,
};
