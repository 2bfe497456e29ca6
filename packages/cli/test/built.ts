/**
 * @module The built `sdb` bin, as a user's install has it: builds @sdb/cli and every package it
 * depends on (turbo; cached builds are reused), links the bin into a test project's
 * node_modules/.bin, and runs it as a child process (`npx sdb …` or `node bin/sdb.js …`).
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { packageDir, type Outcome, type TestProject } from './project.ts';

export const binFile = join(packageDir, 'bin', 'sdb.js');
const repoRoot = join(packageDir, '..', '..');

/** Builds the packages the bin (and the example app) run from: @sdb/cli with its dependencies, and @sdb/embedded. */
export function buildPackages(): void {
  const built = spawnSync('npx', ['--yes', 'pnpm@10', 'turbo', 'run', 'build', '--filter=@sdb/cli...', '--filter=@sdb/embedded', '--output-logs=errors-only'], { cwd: repoRoot, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`the build failed:\n${built.stdout}\n${built.stderr}`);
}

/** Puts `sdb` in the project's node_modules/.bin, where `npx sdb` finds it. */
export function linkBin(project: TestProject): void {
  mkdirSync(join(project.dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(binFile, join(project.dir, 'node_modules', '.bin', 'sdb'));
}

/** Runs `command args` in the project and resolves its outcome, whatever the exit code. */
export async function runIn(project: TestProject, command: string, args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  // A user's shell: no SURREAL_* of this machine, and none of the npm_* settings a pnpm script
  // exports (npx warns about those it does not know, on stderr).
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('SURREAL_') && !/^npm_/i.test(key)));
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, { cwd: project.dir, env: { ...inherited, ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}
