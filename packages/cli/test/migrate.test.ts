/**
 * `sdb migrate`, `rollback`, `status` and `sqlmigrate` on the real engine: migrations made by
 * `sdb makemigrations` applied in order and recorded, rolled back to zero, a changed applied file
 * flagged, and every failure (an unknown migration, a failing statement) exits 1 with a message
 * that names it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MODELS, MODELS_WITH_BIO } from './models.ts';
import { tempProject, type TestProject } from './project.ts';

let project: TestProject;
beforeEach(async () => {
  project = tempProject({ 'models.mjs': MODELS });
  await project.sdb(['makemigrations']);
  project.write('models.mjs', MODELS_WITH_BIO);
  await project.sdb(['makemigrations', '--name', 'author_bio']);
});
afterEach(() => project.remove());

async function json(argv: string[]) {
  const outcome = await project.sdb([...argv, '--json']);
  return { code: outcome.code, body: JSON.parse(outcome.stdout), progress: outcome.stderr };
}

const states = (body: { migrations: { name: string; state: string }[] }) => body.migrations.map(({ name, state }) => `${name} ${state}`);

describe('sdb migrate', () => {
  it('applies every pending migration in order, a progress line each, and records them', async () => {
    const outcome = await project.sdb(['migrate']);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/^\[1\/2\] Applying 0001_initial\n\[2\/2\] Applying 0002_author_bio\n\[x\] 0001_initial {5}applied/);
    expect(states((await json(['status'])).body)).toEqual(['0001_initial applied', '0002_author_bio applied']);
  });

  it('applies nothing the second time', async () => {
    await project.sdb(['migrate']);
    const { code, body, progress } = await json(['migrate']);
    expect(code).toBe(0);
    expect(body.ran).toBe(0);
    expect(progress).toBe('No migrations to apply.\n');
  });

  it('stops at TARGET, given by name or number', async () => {
    const { body } = await json(['migrate', '1']);
    expect(states(body)).toEqual(['0001_initial applied', '0002_author_bio pending']);
  });

  it('records without running with --fake', async () => {
    const { body } = await json(['migrate', '--fake']);
    expect(states(body)).toEqual(['0001_initial applied', '0002_author_bio applied']);
    expect((await json(['schemadiff'])).body.differences).toBeGreaterThan(0);
  });

  it('leaves a database that diffs as empty against the models', async () => {
    await project.sdb(['migrate']);
    const outcome = await project.sdb(['schemadiff']);
    expect(outcome).toMatchObject({ code: 0, stdout: 'No differences: the database matches the models.\n' });
  });

  it('exits 1 naming an unknown TARGET and the known migrations', async () => {
    const outcome = await project.sdb(['migrate', '0007_nope']);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toBe('sdb migrate: no migration "0007_nope" (the migrations are: 0001_initial, 0002_author_bio)\n');
  });

  it('exits 1 naming the failing statement, and leaves that migration unapplied', async () => {
    project.write(
      'migrations/0003_broken.mjs',
      `import { op } from '@sdb/orm/migrations';\nexport default { name: '0003_broken', up: [op.raw('DEFINE FIELD nickname ON author TYPE string'), op.raw('THROW "no way"')], down: [] };\n`,
    );
    const outcome = await project.sdb(['migrate']);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('sdb migrate: Migration 0003_broken (up) failed at operation 2 (THROW "no way")');
    expect(states((await json(['status'])).body)).toEqual(['0001_initial applied', '0002_author_bio applied', '0003_broken pending']);
  });
});

describe('sdb rollback', () => {
  it('runs the down steps back to TARGET, newest first', async () => {
    await project.sdb(['migrate']);
    const outcome = await project.sdb(['rollback', '0001_initial']);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/^\[1\/1\] Rolling back 0002_author_bio\n/);
    expect(states((await json(['status'])).body)).toEqual(['0001_initial applied', '0002_author_bio pending']);
  });

  it('to zero leaves no table of the models', async () => {
    await project.sdb(['migrate']);
    expect((await project.sdb(['rollback', 'zero'])).code).toBe(0);
    const { body } = await json(['inspectdb']);
    expect(body.code).not.toMatch(/author|post/);
  });

  it('exits 2 without TARGET', async () => {
    const outcome = await project.sdb(['rollback']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('Usage: sdb rollback TARGET');
  });
});

describe('sdb status', () => {
  it('lists pending migrations with their checksums', async () => {
    const { body } = await json(['status']);
    expect(body.migrations).toEqual([
      { name: '0001_initial', state: 'pending', checksum: expect.stringMatching(/^[0-9a-f]{64}$/), appliedChecksum: null, appliedAt: null },
      { name: '0002_author_bio', state: 'pending', checksum: expect.stringMatching(/^[0-9a-f]{64}$/), appliedChecksum: null, appliedAt: null },
    ]);
  });

  it('flags an applied migration whose file changed since', async () => {
    await project.sdb(['migrate']);
    const file = 'migrations/0002_author_bio.mjs';
    project.write(file, project.read(file).replace('"bio"', '"biography"'));
    const outcome = await project.sdb(['status']);
    expect(outcome.stdout).toMatch(/\[ \] 0002_author_bio {2}applied, CHANGED since/);
    expect(states((await json(['status'])).body)).toEqual(['0001_initial applied', '0002_author_bio changed']);
  });
});

describe('sdb sqlmigrate', () => {
  it('prints the SurrealQL of a migration, and of its rollback with --down', async () => {
    const up = await project.sdb(['sqlmigrate', '0002_author_bio']);
    expect(up).toMatchObject({ code: 0, stdout: 'DEFINE FIELD bio ON TABLE author TYPE option<string>;\n' });
    const down = await project.sdb(['sqlmigrate', '2', '--down']);
    expect(down).toMatchObject({ code: 0, stdout: 'REMOVE FIELD bio ON TABLE author;\n' });
  });

  it('exits 1 for an unknown migration', async () => {
    const outcome = await project.sdb(['sqlmigrate', 'nope']);
    expect(outcome).toMatchObject({ code: 1, stderr: 'sdb sqlmigrate: no migration "nope" (the migrations are: 0001_initial, 0002_author_bio)\n' });
  });
});
