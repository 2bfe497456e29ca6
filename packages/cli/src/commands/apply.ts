/**
 * @module The commands that change or read the migration history on the database: `sdb migrate
 * [TARGET] [--fake]`, `sdb rollback TARGET` and `sdb status`. Each prints a line per migration
 * it runs, then the status of every migration; TARGET is a migration's name or number.
 */
import { migrate as applyMigrations, rollback as rollBack, status as readStatus, type MigrationStatus, type MigrationStep } from '@sdb/orm/migrations';
import { clientOf, type Command, type CommandResult } from '../command.ts';
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

function counted(report: Reporter) {
  let ran = 0;
  const onStep = progress(report);
  return {
    onStep: (step: MigrationStep) => {
      ran += 1;
      onStep(step);
    },
    get ran() {
      return ran;
    },
  };
}

export const migrate: Command = {
  usage: 'migrate [TARGET] [--fake]',
  summary: 'apply the pending migrations (up to TARGET), each atomically; --fake records without running',
  options: { fake: { type: 'boolean', default: false } },
  positionals: { min: 0, max: 1 },
  needsDatabase: true,
  async run(context) {
    const migrations = await loadMigrations(context.config);
    const target = context.positionals[0] === undefined ? undefined : findMigration(migrations, context.positionals[0]).name;
    const steps = counted(context.report);
    const statuses = await applyMigrations(clientOf(context), migrations, { ...(target !== undefined ? { target } : {}), fake: context.values.fake === true, onStep: steps.onStep });
    if (steps.ran === 0) context.report.step('No migrations to apply.');
    return statusResult(statuses, steps.ran);
  },
};

export const rollback: Command = {
  usage: 'rollback TARGET',
  summary: 'run the down steps of the migrations after TARGET (zero: all of them)',
  options: {},
  positionals: { min: 1, max: 1 },
  needsDatabase: true,
  async run(context) {
    const migrations = await loadMigrations(context.config);
    const given = context.positionals[0]!;
    const target = given === 'zero' ? 'zero' : findMigration(migrations, given).name;
    const steps = counted(context.report);
    const statuses = await rollBack(clientOf(context), migrations, target, { onStep: steps.onStep });
    if (steps.ran === 0) context.report.step('No migrations to roll back.');
    return statusResult(statuses, steps.ran);
  },
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
