/**
 * @module @sdb/cli: the `sdb` command for @sdb/orm projects, and the same as functions: `run(argv)`
 * runs a command in-process and resolves its exit code; `loadConfig` reads a project's config.
 * Node only.
 */
export { run, usage, type RunOptions } from './run.ts';
export { CONFIG_FILES, loadConfig, type ResolvedConfig, type SdbConfig } from './config.ts';
export { ConfigError, ProjectFileError, UnknownMigrationError, UsageError } from './errors.ts';
