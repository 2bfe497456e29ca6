/**
 * @module Every `sdb` command by name, in the order `sdb --help` lists them.
 */
import type { Command } from '../command.ts';
import { shell } from './shell.ts';

export const COMMANDS: Readonly<Record<string, Command>> = {
  shell,
};
