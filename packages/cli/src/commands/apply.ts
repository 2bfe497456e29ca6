/**
 * @module The commands that change or read the migration history on the database: `sdb migrate
 * [TARGET] [--fake]`, `sdb rollback TARGET` and `sdb status`. Each prints a line per migration
 * it runs, then the status of every migration; TARGET is a migration's name or number.
 */
import { migrate as applyMigrations, rollback as rollBack, status as readStatus, type Migration, type MigrationStatus, type MigrationStep } from '@sdb/orm/migrations';
import { clientOf, type Command, type CommandContext, type CommandResult } from '../command.ts';
import type { Reporter } from '../output.ts';
import { findMigration, loadMigrations } from '../project.ts';

function progress(report: Reporter) {
  return (step: MigrationStep) => {
    const verb = step.direction === 'up' ? (step.fake ? 'Faking' : 'Applying') : 'Rolling back';
    report.step(`[${step.index}/${step.total}] ${verb} ${step.name}`);
  };
}

function stateOf(migration: MigrationStatus): string {
  if (migration.missing) return 'applied, file missing';
  if (migration.changed) return 'applied, CHANGED since';
  return migration.applied ? 'applied' : 'pending';
}

/** The status table: one line per migration, its state, checksum and when it was applied. */
function statusResult(statuses: readonly MigrationStatus[], ran: number | undefined): CommandResult {
  const width = Math.max(0, ...statuses.map((migration) => migration.name.length));
  const lines = statuses.map((migration) => {
    const applied = migration.appliedAt === undefined ? '' : `  ${migration.appliedAt.toISOString()}`;
    return `${migration.applied && !migration.changed ? '[x]' : '[ ]'} ${migration.name.padEnd(width)}  ${stateOf(migration).padEnd(22)}  ${migration.checksum.slice(0, 12)}${applied}`;
  });
  if (statuses.length === 0) lines.push('No migrations.');
  const data = {
    ...(ran !== undefined ? { ran } : {}),
    migrations: statuses.map((migration) => ({
      name: migration.name,
      state: migration.missing ? 'missing' : migration.changed ? 'changed' : migration.applied ? 'applied' : 'pending',
      checksum: migration.checksum,
      appliedChecksum: migration.appliedChecksum ?? null,
      appliedAt: migration.appliedAt?.toISOString() ?? null,
    })),
  };
  return { lines, data };
}

/**
 * Loads the migrations, runs `apply` on them with a progress line per migration, and answers the
 * status after; says `nothing` when no migration ran.
 */
async function runMigrations(
  context: CommandContext,
  nothing: string,
  apply: (migrations: Migration[], onStep: (step: MigrationStep) => void) => Promise<MigrationStatus[]>,
): Promise<CommandResult> {
  const migrations = await loadMigrations(context.config);
  const onStep = progress(context.report);
  let ran = 0;
  const statuses = await apply(migrations, (step) => {
    ran += 1;
    onStep(step);
  });
  if (ran === 0) context.report.step(nothing);
  return statusResult(statuses, ran);
}

export const migrate: Command = {
  usage: 'migrate [TARGET] [--fake]',
  summary: 'apply the pending migrations (up to TARGET), each atomically; --fake records without running',
  options: { fake: { type: 'boolean', default: false } },
  positionals: { min: 0, max: 1 },
  needsDatabase: true,
  run: (context) =>
    runMigrations(context, 'No migrations to apply.', (migrations, onStep) => {
      const given = context.positionals[0];
      const target = given === undefined ? {} : { target: findMigration(migrations, given).name };
      return applyMigrations(clientOf(context), migrations, { ...target, fake: context.values.fake === true, onStep });
    }),
};

export const rollback: Command = {
  usage: 'rollback TARGET',
  summary: 'run the down steps of the migrations after TARGET (zero: all of them)',
  options: {},
  positionals: { min: 1, max: 1 },
  needsDatabase: true,
  run: (context) =>
    runMigrations(context, 'No migrations to roll back.', (migrations, onStep) => {
      const given = context.positionals[0]!;
      return rollBack(clientOf(context), migrations, given === 'zero' ? 'zero' : findMigration(migrations, given).name, { onStep });
    }),
};

export const status: Command = {
  usage: 'status',
  summary: 'applied and pending migrations with their checksums; flags a changed applied file',
  options: {},
  positionals: { min: 0, max: 0 },
  needsDatabase: true,
  async run(context) {
    return statusResult(await readStatus(clientOf(context), await loadMigrations(context.config)), undefined);
  },
};
