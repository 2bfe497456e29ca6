/**
 * `sdb schemadiff`, `push` and `inspectdb` against the live database: push makes it match the
 * models (so schemadiff is empty), and inspectdb writes models that diff as empty against the
 * database they came from.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MODELS } from './models.ts';
import { tempProject, type TestProject } from './project.ts';

let project: TestProject;
beforeEach(() => {
  project = tempProject({ 'models.mjs': MODELS });
});
afterEach(() => project.remove());

describe('sdb schemadiff', () => {
  it('prints the statements that would make an empty database match the models', async () => {
    const outcome = await project.sdb(['schemadiff']);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/^\d+ statements would make the database match the models:\n/);
    expect(outcome.stdout).toContain('DEFINE TABLE author SCHEMAFULL;');
    expect(outcome.stdout).toContain('DEFINE FIELD author ON TABLE post TYPE record<author>;');
  });
});

describe('sdb push', () => {
  it('makes the database match the models, after which schemadiff is empty and push has nothing to do', async () => {
    const pushed = await project.sdb(['push', '--json']);
    expect(pushed.code).toBe(0);
    expect(pushed.stderr).toBe(`Pushing 2 models to ${project.namespace}/${project.database}\n`);
    expect(JSON.parse(pushed.stdout)).toMatchObject({ ok: true, ran: expect.any(Number) });
    expect(JSON.parse((await project.sdb(['schemadiff', '--json'])).stdout)).toEqual({ ok: true, differences: 0, statements: [] });
    expect((await project.sdb(['push'])).stdout).toContain('Nothing to push: the database matches the models.');
  });
});

describe('sdb inspectdb', () => {
  it('writes models for an existing database that diff as empty against it', async () => {
    await project.sdb(['push']);
    const inspected = await project.sdb(['inspectdb', '--out', 'inspected.mjs']);
    expect(inspected).toMatchObject({ code: 0, stdout: 'Wrote inspected.mjs\n' });
    project.write('models.mjs', project.read('inspected.mjs'));
    const outcome = await project.sdb(['schemadiff']);
    expect(outcome.stdout).toBe('No differences: the database matches the models.\n');
  });

  it('never overwrites a file', async () => {
    await project.sdb(['push']);
    const outcome = await project.sdb(['inspectdb', '--out', 'models.mjs']);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('models.mjs: exists already');
    expect(project.read('models.mjs')).toBe(MODELS);
  });
});
