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
