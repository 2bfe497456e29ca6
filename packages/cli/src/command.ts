/**
 * @module What every command is: its usage line, its options (for `node:util` parseArgs), how many
 * positionals it takes, whether it needs a database, and the function that runs it and returns
 * its result as text lines and as JSON data.
 */
import type { ParseArgsConfig } from 'node:util';
import type { Queryable } from '@sdb/protocol';
import type { ResolvedConfig } from './config.ts';
import type { Reporter } from './output.ts';

export type Options = NonNullable<ParseArgsConfig['options']>;

/** What a command gets: the config, its parsed options and positionals, the reporter, and (when it needs one) the client. */
export interface CommandContext {
  config: ResolvedConfig;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  report: Reporter;
  /** The connection's client; undefined for an offline command. */
  client: Queryable | undefined;
  /** The standard streams, for the interactive shell. */
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
}

export interface CommandResult {
  lines: string[];
  data: unknown;
}

export interface Command {
  /** `migrate [TARGET] [--fake]`. */
  usage: string;
  summary: string;
  options: Options;
  positionals: { min: number; max: number };
  /** False for the commands that work offline (makemigrations, sqlmigrate). */
  needsDatabase: boolean;
  run(context: CommandContext): Promise<CommandResult>;
}

/** The client of a context whose command needs a database (run.ts opened it). */
export function clientOf(context: CommandContext): Queryable {
  if (context.client === undefined) throw new Error('a database command ran without a connection');
  return context.client;
}
