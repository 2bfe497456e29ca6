/**
 * @module `run(argv)`: the whole `sdb` command as a function (the bin calls it with
 * process.argv): parses the command line with `node:util` parseArgs, loads the config, opens the
 * connection a command needs and always closes it, prints the result, and resolves the exit code
 * (0 success, 1 failure, 2 bad usage or config) instead of exiting, so it can run in-process.
 */
import { parseArgs } from 'node:util';
import type { Command, Options } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { loadConfig } from './config.ts';
import { openConnection, type Connection } from './connection.ts';
import { exitCodeOf, USAGE_EXIT_CODE, UsageError } from './errors.ts';
import { Reporter } from './output.ts';

export interface RunOptions {
  cwd?: string;
  env?: Readonly<Record<string, string | undefined>>;
  stdin?: NodeJS.ReadableStream;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
}

const GLOBAL_OPTIONS: Options = {
  json: { type: 'boolean', default: false },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
};

/** `sdb --help`: every command's usage line and summary. */
export function usage(): string {
  const width = Math.max(...Object.values(COMMANDS).map((command) => command.usage.length));
  const lines = Object.values(COMMANDS).map((command) => `  sdb ${command.usage.padEnd(width)}  ${command.summary}`);
  return `Usage:\n${lines.join('\n')}\n\nEvery command: --json (one JSON document on stdout), --config FILE (default sdb.config.mjs|.js|.ts here).\nExit codes: 0 success, 1 failure, 2 bad usage or config.\n`;
}

function parse(command: Command, argv: string[]) {
  try {
    return parseArgs({ args: argv, options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\nUsage: sdb ${command.usage}`);
  }
}

/** Runs `sdb <argv...>` and resolves its exit code. */
export async function run(argv: readonly string[], options: RunOptions = {}): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const [name, ...rest] = argv;
  const report = new Reporter(stdout, stderr, rest.includes('--json') || name === '--json');
  const command = name === undefined ? undefined : Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    stdout.write(usage());
    return name === undefined ? USAGE_EXIT_CODE : 0;
  }
  let connection: Connection | undefined;
  try {
    if (command === undefined) throw new UsageError(`unknown command "${name}"\n${usage()}`);
    const { values, positionals } = parse(command, rest);
    if (values.help) {
      stdout.write(`Usage: sdb ${command.usage}\n  ${command.summary}\n`);
      return 0;
    }
    const { min, max } = command.positionals;
    if (positionals.length < min || positionals.length > max) throw new UsageError(`expected ${min === max ? min : `${min} to ${max}`} argument${max === 1 ? '' : 's'}, got ${positionals.length}\nUsage: sdb ${command.usage}`);
    const config = await loadConfig(options.cwd ?? process.cwd(), options.env ?? process.env, values.config as string | undefined);
    if (config.auth !== undefined) report.hide(config.auth.password);
    if (command.needsDatabase) connection = await openConnection(config);
    const result = await command.run({
      config,
      values: values as Record<string, string | boolean | undefined>,
      positionals,
      report,
      client: connection?.client,
      stdin: options.stdin ?? process.stdin,
      stdout,
    });
    report.result(result.lines, result.data);
    return 0;
  } catch (error) {
    report.failure(name, error);
    return exitCodeOf(error);
  } finally {
    await connection?.close().catch(() => undefined);
  }
}
