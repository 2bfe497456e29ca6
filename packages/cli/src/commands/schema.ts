/**
 * @module The commands that compare the models with the live database itself, not the history:
 * `sdb schemadiff` (what differs, as the SurrealQL that would fix it), `sdb push` (run it, for
 * development) and `sdb inspectdb [--out FILE]` (model code for an existing database).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { compileMigration, inspectModels, introspect, push as pushModels, schemaDiff, type Operation } from '@sdb/orm/migrations';
import { clientOf, type Command } from '../command.ts';
import { ProjectFileError } from '../errors.ts';
import { loadModels } from '../project.ts';

/** The SurrealQL statements of `operations`, one per line. */
function statementsOf(operations: readonly Operation[]): string[] {
  if (operations.length === 0) return [];
  return compileMigration({ name: 'schema', up: operations, down: [] }, 'up').split('\n');
}

export const schemadiff: Command = {
  usage: 'schemadiff',
  summary: 'diff the models against the live database; print what differs',
  options: {},
  positionals: { min: 0, max: 0 },
  needsDatabase: true,
  async run(context) {
    const { models } = await loadModels(context.config);
    const { up } = await schemaDiff(clientOf(context), models);
    const statements = statementsOf(up);
    const lines = statements.length === 0 ? ['No differences: the database matches the models.'] : [`${statements.length} statement${statements.length === 1 ? '' : 's'} would make the database match the models:`, ...statements];
    return { lines, data: { differences: statements.length, statements } };
  },
};

export const push: Command = {
  usage: 'push',
  summary: 'make the live database match the models directly (development; no migration recorded)',
  options: {},
  positionals: { min: 0, max: 0 },
  needsDatabase: true,
  async run(context) {
    const { models } = await loadModels(context.config);
    context.report.step(`Pushing ${models.length} model${models.length === 1 ? '' : 's'} to ${context.config.namespace}/${context.config.database}`);
    const statements = statementsOf(await pushModels(clientOf(context), models));
    const lines = statements.length === 0 ? ['Nothing to push: the database matches the models.'] : [`Ran ${statements.length} statement${statements.length === 1 ? '' : 's'}:`, ...statements];
    return { lines, data: { ran: statements.length, statements } };
  },
};

export const inspectdb: Command = {
  usage: 'inspectdb [--out FILE]',
  summary: 'write model code for an existing database (stdout, or FILE)',
  options: { out: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  needsDatabase: true,
  async run(context) {
    const code = inspectModels(await introspect(clientOf(context)));
    const out = context.values.out as string | undefined;
    if (out === undefined) return { lines: [code.trimEnd()], data: { code } };
    const file = resolve(context.config.root, out);
    if (existsSync(file)) throw new ProjectFileError(file, 'exists already; inspectdb never overwrites a file (remove it, or pick another --out)');
    writeFileSync(file, code);
    const where = relative(context.config.root, file);
    return { lines: [`Wrote ${where}`], data: { file: where } };
  },
};
