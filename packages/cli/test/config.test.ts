/**
 * The project config: found at the project root in any of its three forms, checked key by key,
 * and overridden by the SURREAL_* environment; a missing or broken config fails with exit code 2
 * before anything runs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/index.ts';
import { tempProject, type TestProject } from './project.ts';

let project: TestProject;
afterEach(() => project?.remove());

const CONFIG = `export default {
  url: 'ws://db.example:8000', namespace: 'app', database: 'main',
  auth: { username: 'deploy', password: 'from-file' },
  models: './src/models.mjs', migrations: './db/migrations',
};
`;

describe('loadConfig', () => {
  it('reads sdb.config.mjs and resolves its paths against the project root', async () => {
    project = tempProject({ 'sdb.config.mjs': CONFIG });
    const config = await loadConfig(project.dir, {});
    expect(config).toMatchObject({
      url: 'ws://db.example:8000',
      namespace: 'app',
      database: 'main',
      auth: { username: 'deploy', password: 'from-file' },
      models: `${project.dir}/src/models.mjs`,
      migrations: `${project.dir}/db/migrations`,
    });
  });

  it('lets SURREAL_URL, SURREAL_NAMESPACE, SURREAL_DATABASE, SURREAL_USER and SURREAL_PASS override the file', async () => {
    project = tempProject({ 'sdb.config.mjs': CONFIG });
    const env = { SURREAL_URL: 'https://prod.example', SURREAL_NAMESPACE: 'prod', SURREAL_DATABASE: 'shop', SURREAL_USER: 'ci', SURREAL_PASS: 'from-env' };
    const config = await loadConfig(project.dir, env);
    expect(config).toMatchObject({ url: 'https://prod.example', namespace: 'prod', database: 'shop', auth: { username: 'ci', password: 'from-env' } });
  });

  it('keeps the file value of every setting the environment does not give', async () => {
    project = tempProject({ 'sdb.config.mjs': CONFIG });
    const config = await loadConfig(project.dir, { SURREAL_DATABASE: 'other' });
    expect(config).toMatchObject({ url: 'ws://db.example:8000', namespace: 'app', database: 'other', auth: { username: 'deploy', password: 'from-file' } });
  });

  it('loads a TypeScript config (sdb.config.ts) that imports a TypeScript module', async () => {
    project = tempProject({
      'settings.ts': `export const namespace: string = 'typed';\n`,
      'sdb.config.ts': `import { namespace } from './settings.ts';\nconst database: string = 'db';\nexport default { url: 'ws://127.0.0.1:8000', namespace, database, models: './models.ts' };\n`,
    });
    project.delete('sdb.config.mjs');
    const config = await loadConfig(project.dir, {});
    expect(config).toMatchObject({ namespace: 'typed', database: 'db', models: `${project.dir}/models.ts`, file: `${project.dir}/sdb.config.ts` });
  });

  it('refuses an unknown key, naming it and the file', async () => {
    project = tempProject({ 'sdb.config.mjs': `export default { url: 'ws://x:1', namespaces: 'typo' };\n` });
    const failure = loadConfig(project.dir, {});
    await expect(failure).rejects.toBeInstanceOf(ConfigError);
    await expect(failure).rejects.toThrow(`${project.dir}/sdb.config.mjs: unknown key "namespaces"`);
  });

  it('refuses a url that is neither ws(s) nor http(s), without printing a password in it', async () => {
    project = tempProject({ 'sdb.config.mjs': `export default { url: 'tcp://root:s3cret@db:8000' };\n` });
    const failure = loadConfig(project.dir, {});
    await expect(failure).rejects.toThrow('url must start with ws://, wss://, http:// or https:// (got tcp://root:***@db:8000)');
  });

  it('refuses a user without a password', async () => {
    project = tempProject({ 'sdb.config.mjs': CONFIG });
    await expect(loadConfig(project.dir, { SURREAL_USER: 'x' })).resolves.toMatchObject({ auth: { username: 'x', password: 'from-file' } });
    project.write('sdb.config.mjs', `export default { url: 'ws://x:1' };\n`);
    await expect(loadConfig(project.dir, { SURREAL_USER: 'x' })).rejects.toThrow('a user needs a password');
  });
});

describe('sdb without a usable config', () => {
  it('exits 2 and says which files it looked for when there is no config', async () => {
    project = tempProject();
    project.delete('sdb.config.mjs');
    const outcome = await project.sdb(['shell']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toBe(`sdb shell: no sdb.config.mjs, sdb.config.js, sdb.config.ts in ${project.dir} (or pass --config FILE)\n`);
  });

  it('reports the failure as JSON on stdout with --json', async () => {
    project = tempProject({ 'sdb.config.mjs': 'export default 42;\n' });
    const outcome = await project.sdb(['shell', '--json']);
    expect(outcome.code).toBe(2);
    expect(JSON.parse(outcome.stdout)).toEqual({ ok: false, error: { name: 'ConfigError', message: expect.stringContaining('must `export default` an object') } });
  });
});
