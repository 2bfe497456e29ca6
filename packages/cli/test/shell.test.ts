/**
 * `sdb shell`: a REPL on the config's connection with the models in scope and configured as the
 * ORM's default connection; input is read to its end and the command exits 0.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MODELS } from './models.ts';
import { tempProject, type TestProject } from './project.ts';

let project: TestProject;
afterEach(() => project?.remove());

describe('sdb shell', () => {
  it('has db and every model in scope, the ORM running on db', async () => {
    project = tempProject({ 'models.mjs': MODELS });
    const input = [
      `await db.queryAll('DEFINE TABLE author SCHEMALESS')`,
      // Piped lines are evaluated as they arrive, so what depends on an earlier await is chained to it.
      `await Author.objects.create({ name: 'Ann', email: 'ann@example.com' }).then(async (author) => [author.name, await Author.objects.count()])`,
      '.exit',
      '',
    ].join('\n');
    const outcome = await project.sdb(['shell'], { stdin: input });
    expect(outcome.stderr).toBe('');
    expect(outcome.stdout).toContain(`sdb shell: db is ${project.namespace}/${project.database}; models: Author, Post`);
    expect(outcome.stdout).toContain("sdb> [ 'Ann', 1 ]\n");
    expect(outcome.code).toBe(0);
  });
});
