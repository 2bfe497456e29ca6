/**
 * @module `sdb makemigrations [--name N] [--empty]`: offline (no database), diffs the models
 * against the schema the existing migration files build and writes the next migration file. A
 * field gone and one of the same type new on a table may be a rename: on a terminal it asks
 * ("Did you rename person.fullname to person.name? [y/N]"); otherwise (`--json`, piped input)
 * it keeps the drop and the add, and says so.
 */
import { makeMigration, renameCandidates, type Rename } from '@sdb/orm/migrations';
import { relative } from 'node:path';
import type { Command, CommandContext } from '../command.ts';
import { loadMigrations, loadModels, writeMigration } from '../project.ts';
import { isTerminal, questionsOn } from '../prompt.ts';

/** The candidates the user confirms, one question each; a field already in a confirmed rename is not asked about again. */
async function confirmRenames(candidates: readonly Rename[], { stdin, report }: CommandContext): Promise<Rename[]> {
  const questions = questionsOn(stdin, (text) => report.say(text));
  const confirmed: Rename[] = [];
  try {
    for (const candidate of candidates) {
      const taken = confirmed.some((r) => r.table === candidate.table && (r.from === candidate.from || r.to === candidate.to));
      if (!taken && (await questions.ask(`Did you rename ${candidate.table}.${candidate.from} to ${candidate.table}.${candidate.to}?`))) confirmed.push(candidate);
    }
  } finally {
    questions.close();
  }
  return confirmed;
}

export const makemigrations: Command = {
  usage: 'makemigrations [--name N] [--empty]',
  summary: 'write the next migration file from the models (offline; asks about renames on a terminal)',
  options: { name: { type: 'string' }, empty: { type: 'boolean', default: false } },
  positionals: { min: 0, max: 0 },
  needsDatabase: false,
  async run(context) {
    const { config, values, report } = context;
    const { models } = await loadModels(config);
    const existing = await loadMigrations(config);
    report.step(`${existing.length} existing migration${existing.length === 1 ? '' : 's'}, ${models.length} model${models.length === 1 ? '' : 's'}`);
    const empty = values.empty === true;
    const candidates = empty ? [] : renameCandidates(models, existing);
    const asking = candidates.length > 0 && !report.json && isTerminal(context.stdin);
    const renames = asking ? await confirmRenames(candidates, context) : [];
    const notAsked = asking ? [] : candidates;
    const notes = notAsked.map(
      (r) => `${r.table}.${r.from} is gone and ${r.table}.${r.to} is new, of the same type: kept as a drop and an add (not asked: no terminal). Mark it .was('${r.from}') to rename it.`,
    );
    const unconfirmed = notAsked.length > 0 ? { unconfirmedRenames: notAsked } : {};
    const migration = makeMigration(values.name as string | undefined, models, existing, { empty, renames });
    if (migration === undefined) return { lines: ['No changes: the models match the migrations.'], data: { created: null } };
    const file = writeMigration(config, migration);
    const where = relative(config.root, file);
    return {
      lines: [...notes, `Created ${where} (${migration.up.length} operation${migration.up.length === 1 ? '' : 's'})`],
      data: { created: { name: migration.name, file: where, operations: migration.up.length }, ...unconfirmed },
    };
  },
};
