/**
 * The built `sdb` bin run in a project the way a user runs it (`npx sdb …`): its output and exit
 * codes, two `sdb migrate` processes started at once applying each migration exactly once, and
 * `sdb makemigrations` asking about a rename on a real terminal (a pseudo-TTY from util-linux
 * `script`).
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binFile, buildPackages, linkBin, runIn } from './built.ts';
import { MODELS } from './models.ts';
import { tempProject, type TestProject } from './project.ts';

let project: TestProject;
beforeAll(() => {
  buildPackages();
  project = tempProject({ 'models.mjs': MODELS }, 'bin');
  linkBin(project);
}, 300_000);
afterAll(() => project?.remove());

const sdb = (...args: string[]) => runIn(project, 'npx', ['--no-install', 'sdb', ...args]);

describe('npx sdb', () => {
  it('lists every command with --help and exits 0', async () => {
    const outcome = await sdb('--help');
    expect(outcome.code).toBe(0);
    for (const command of ['makemigrations', 'migrate', 'rollback', 'status', 'sqlmigrate', 'schemadiff', 'inspectdb', 'push', 'shell']) {
      expect(outcome.stdout).toMatch(new RegExp(`^  sdb ${command}\\b`, 'm'));
    }
  });

  it('exits 2 on an unknown command', async () => {
    const outcome = await sdb('frobnicate');
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/^sdb frobnicate: unknown command "frobnicate"/);
  });

  it('makes a migration, applies it with --json output, and reports its status', async () => {
    const made = await sdb('makemigrations');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('Created migrations/0001_initial.mjs');

    const migrated = await sdb('migrate', '--json');
    expect(migrated.code).toBe(0);
    expect(migrated.stderr).toBe('[1/1] Applying 0001_initial\n');
    expect(JSON.parse(migrated.stdout)).toMatchObject({ ok: true, ran: 1, migrations: [{ name: '0001_initial', state: 'applied' }] });

    const status = await sdb('status');
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^\[x\] 0001_initial {2}applied/);
  });

  it('exits 1 with the reason on stderr for an unknown migration', async () => {
    const outcome = await sdb('sqlmigrate', '0042');
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toBe('sdb sqlmigrate: no migration "0042" (the migrations are: 0001_initial)\n');
  });
});

describe('two sdb migrate processes at once', () => {
  it('apply each migration once: one runs it, the other finds it applied', async () => {
    const racing = tempProject({ 'models.mjs': MODELS }, 'race');
    try {
      // Each run of 0002 adds one to tally:runs, so the tally counts how often it ran.
      racing.write('migrations/0001_initial.mjs', project.read('migrations/0001_initial.mjs'));
      racing.write('migrations/0002_tally.mjs', `import { op } from '@sdb/orm/migrations';\nexport default { name: '0002_tally', up: [op.raw('UPSERT tally:runs SET n += 1')], down: [op.raw('DELETE tally:runs')] };\n`);
      const both = await Promise.all([runIn(racing, process.execPath, [binFile, 'migrate', '--json']), runIn(racing, process.execPath, [binFile, 'migrate', '--json'])]);
      expect(both.map((outcome) => outcome.code)).toEqual([0, 0]);
      const ran = both.map((outcome) => JSON.parse(outcome.stdout).ran as number);
      expect(ran.reduce((sum, count) => sum + count, 0)).toBe(2);
      const tally = await racing.sdb(['shell'], { stdin: 'await db.queryAll("RETURN tally:runs.n")\n.exit\n' });
      expect(tally.stdout).toContain('[ 1 ]');
    } finally {
      racing.remove();
    }
  });
});

describe('sdb makemigrations on a terminal', () => {
  it('asks whether a dropped field and a new one of the same type are a rename, and writes the rename on y', async () => {
    const renaming = tempProject({ 'models.mjs': MODELS }, 'tty');
    try {
      linkBin(renaming);
      expect((await runIn(renaming, 'npx', ['--no-install', 'sdb', 'makemigrations'])).code).toBe(0);
      renaming.write('models.mjs', MODELS.replace('name: f.string(), email', 'fullName: f.string(), email'));
      // `script` runs the command with a pseudo-TTY as its stdin and stdout; the answer is typed once the question shows.
      const child = spawn('script', ['-qec', 'npx --no-install sdb makemigrations --name full_name', '/dev/null'], { cwd: renaming.dir });
      let screen = '';
      child.stdout.on('data', (chunk: Buffer) => {
        screen += chunk.toString();
        if (screen.endsWith('Did you rename author.name to author.fullName? [y/N] ')) child.stdin.write('y\n');
      });
      // Never asked: the child would wait for input forever, so it is stopped and the test fails on its exit code.
      const stop = setTimeout(() => child.kill(), 30_000);
      const code = await new Promise((resolve) => child.on('close', resolve)).finally(() => clearTimeout(stop));
      expect(code).toBe(0);
      expect(screen).toContain('Created migrations/0002_full_name.mjs (1 operation)');
      expect(renaming.read('migrations/0002_full_name.mjs')).toContain('op.renameField("author", "name", "fullName"');
    } finally {
      renaming.remove();
    }
  }, 60_000);
});
