/**
 * `sdb makemigrations`: offline (the config's database is never contacted), it writes the next
 * migration file from the difference between the models and what the existing files build.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MODELS, MODELS_WITH_BIO } from './models.ts';
import { tempProject, type TestProject } from './project.ts';

let project: TestProject;
afterEach(() => project?.remove());

/** No server listens there: a command that tried to connect would fail. */
const OFFLINE = { SURREAL_URL: 'ws://127.0.0.1:9' };

describe('sdb makemigrations', () => {
  it('writes 0001_initial.mjs for a new project without touching the database', async () => {
    project = tempProject({ 'models.mjs': MODELS });
    const outcome = await project.sdb(['makemigrations'], { env: OFFLINE });
    expect(outcome).toMatchObject({ code: 0, stderr: '' });
    expect(outcome.stdout).toMatch(/^0 existing migrations, 2 models\nCreated migrations\/0001_initial\.mjs \(\d+ operations\)\n$/);
    expect(project.list('migrations')).toEqual(['0001_initial.mjs']);
    expect(project.read('migrations/0001_initial.mjs')).toContain('name: "0001_initial"');
  });

  it('writes nothing when the models match the migrations', async () => {
    project = tempProject({ 'models.mjs': MODELS });
    await project.sdb(['makemigrations'], { env: OFFLINE });
    const outcome = await project.sdb(['makemigrations', '--json'], { env: OFFLINE });
    expect(outcome.code).toBe(0);
    expect(JSON.parse(outcome.stdout)).toEqual({ ok: true, created: null });
    expect(project.list('migrations')).toEqual(['0001_initial.mjs']);
  });

  it('writes only the change as the next, named migration', async () => {
    project = tempProject({ 'models.mjs': MODELS });
    await project.sdb(['makemigrations'], { env: OFFLINE });
    project.write('models.mjs', MODELS_WITH_BIO);
    const outcome = await project.sdb(['makemigrations', '--name', 'author_bio', '--json'], { env: OFFLINE });
    expect(JSON.parse(outcome.stdout)).toEqual({ ok: true, created: { name: '0002_author_bio', file: 'migrations/0002_author_bio.mjs', operations: 1 } });
    expect(project.read('migrations/0002_author_bio.mjs')).toContain('bio');
  });

  it('writes a rename, not a drop and an add, for a field marked .was(old)', async () => {
    project = tempProject({ 'models.mjs': MODELS });
    await project.sdb(['makemigrations'], { env: OFFLINE });
    project.write('models.mjs', MODELS.replace("name: f.string(), email", "fullName: f.string().was('name'), email"));
    const outcome = await project.sdb(['makemigrations', '--name', 'full_name', '--json'], { env: OFFLINE });
    expect(JSON.parse(outcome.stdout)).toMatchObject({ created: { name: '0002_full_name', operations: 1 } });
    expect(project.read('migrations/0002_full_name.mjs')).toContain('op.renameField("author", "name", "fullName"');
  });

  describe('a field gone and one of the same type new (author.name → author.fullName)', () => {
    const RENAMED = MODELS.replace('name: f.string(), email', 'fullName: f.string(), email');
    const QUESTION = 'Did you rename author.name to author.fullName? [y/N] ';

    it('asks on a terminal and writes a rename when the answer is y', async () => {
      project = tempProject({ 'models.mjs': MODELS });
      await project.sdb(['makemigrations'], { env: OFFLINE });
      project.write('models.mjs', RENAMED);
      const outcome = await project.sdb(['makemigrations', '--name', 'full_name'], { env: OFFLINE, stdin: 'y\n', tty: true });
      expect(outcome).toMatchObject({ code: 0, stderr: '' });
      expect(outcome.stdout).toBe(`1 existing migration, 2 models\n${QUESTION}Created migrations/0002_full_name.mjs (1 operation)\n`);
      expect(project.read('migrations/0002_full_name.mjs')).toContain('op.renameField("author", "name", "fullName"');
    });

    it('writes a drop and an add when the answer is no (or just Enter)', async () => {
      project = tempProject({ 'models.mjs': MODELS });
      await project.sdb(['makemigrations'], { env: OFFLINE });
      project.write('models.mjs', RENAMED);
      const outcome = await project.sdb(['makemigrations', '--name', 'full_name'], { env: OFFLINE, stdin: '\n', tty: true });
      expect(outcome.stdout).toBe(`1 existing migration, 2 models\n${QUESTION}Created migrations/0002_full_name.mjs (2 operations)\n`);
      const file = project.read('migrations/0002_full_name.mjs');
      expect(file).toContain('op.dropField("author", "name")');
      expect(file).not.toContain('renameField');
    });

    it('never asks without a terminal: keeps the drop and the add, and says so', async () => {
      project = tempProject({ 'models.mjs': MODELS });
      await project.sdb(['makemigrations'], { env: OFFLINE });
      project.write('models.mjs', RENAMED);
      const outcome = await project.sdb(['makemigrations', '--name', 'full_name'], { env: OFFLINE, stdin: 'y\n' });
      expect(outcome.stdout).not.toContain('Did you rename');
      expect(outcome.stdout).toContain("author.name is gone and author.fullName is new, of the same type: kept as a drop and an add (not asked: no terminal). Mark it .was('name') to rename it.");
      expect(project.read('migrations/0002_full_name.mjs')).toContain('op.dropField("author", "name")');
    });

    it('never asks with --json, even on a terminal, and lists the rename it did not make', async () => {
      project = tempProject({ 'models.mjs': MODELS });
      await project.sdb(['makemigrations'], { env: OFFLINE });
      project.write('models.mjs', RENAMED);
      const outcome = await project.sdb(['makemigrations', '--name', 'full_name', '--json'], { env: OFFLINE, stdin: 'y\n', tty: true });
      expect(JSON.parse(outcome.stdout)).toEqual({
        ok: true,
        created: { name: '0002_full_name', file: 'migrations/0002_full_name.mjs', operations: 2 },
        unconfirmedRenames: [{ table: 'author', from: 'name', to: 'fullName' }],
      });
    });
  });

  it('writes an empty migration to fill in by hand with --empty', async () => {
    project = tempProject({ 'models.mjs': MODELS });
    await project.sdb(['makemigrations'], { env: OFFLINE });
    const outcome = await project.sdb(['makemigrations', '--empty', '--name', 'backfill', '--json'], { env: OFFLINE });
    expect(JSON.parse(outcome.stdout)).toMatchObject({ created: { name: '0002_backfill', operations: 0 } });
  });

  it('exits 2 on an unknown option, naming it and the usage', async () => {
    project = tempProject({ 'models.mjs': MODELS });
    const outcome = await project.sdb(['makemigrations', '--nmae', 'x']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain("Unknown option '--nmae'");
    expect(outcome.stderr).toContain('Usage: sdb makemigrations [--name N] [--empty]');
  });

  it('exits 1 naming the models module when it does not load', async () => {
    project = tempProject({ 'models.mjs': 'export const Broken = ;\n' });
    const outcome = await project.sdb(['makemigrations']);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(`sdb makemigrations: ${project.dir}/models.mjs: the models module could not be loaded`);
  });
});
