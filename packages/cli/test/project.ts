/**
 * @module A throwaway sdb project for a test: a folder under packages/cli/.tmp (inside the
 * package, so its files resolve `@sdb/orm` through the package's node_modules) with the files
 * given, a config pointing at the server under test in a fresh namespace and database, and `sdb`
 * run in it in-process (`run`), capturing stdout, stderr and the exit code.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { surrealdb, uniqueScope } from '../../embedded/test-support/index.ts';
import { run } from '../src/run.ts';

export const packageDir = fileURLToPath(new URL('..', import.meta.url));

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

export interface TestProject {
  dir: string;
  namespace: string;
  database: string;
  write(path: string, text: string): void;
  read(path: string): string;
  delete(path: string): void;
  /** The file names in a folder of the project. */
  list(path: string): string[];
  /**
   * `sdb ...argv` in the project, in-process; `env` adds to (or, with undefined, removes from) the
   * project's environment; `stdin` is what the user types, on a terminal when `tty` is true.
   */
  sdb(argv: string[], options?: { env?: Record<string, string | undefined>; stdin?: string; tty?: boolean }): Promise<Outcome>;
  remove(): void;
}

/** The config every test project starts with: the server under test, root, a fresh scope. */
export function configFor(scope: { namespace: string; database: string }, extra = ''): string {
  const server = surrealdb();
  return `export default {
  url: ${JSON.stringify(server.url)},
  namespace: ${JSON.stringify(scope.namespace)},
  database: ${JSON.stringify(scope.database)},
  auth: { username: ${JSON.stringify(server.user)}, password: ${JSON.stringify(server.pass)} },
  models: './models.mjs',
  migrations: './migrations',${extra}
};
`;
}

export function tempProject(files: Record<string, string> = {}, prefix = 'cli'): TestProject {
  mkdirSync(join(packageDir, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(packageDir, '.tmp', `${prefix}-`));
  const scope = uniqueScope(prefix);
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write('package.json', '{ "type": "module", "private": true }\n');
  write('sdb.config.mjs', configFor(scope));
  for (const [path, text] of Object.entries(files)) write(path, text);
  return {
    dir,
    ...scope,
    write,
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    delete: (path) => rmSync(join(dir, path), { recursive: true, force: true }),
    list: (path) => readdirSync(join(dir, path)).sort(),
    async sdb(argv, options = {}) {
      const stdout = collect();
      const stderr = collect();
      const stdin = new PassThrough();
      stdin.end(options.stdin ?? '');
      if (options.tty === true) Object.assign(stdin, { isTTY: true });
      // The machine's own SURREAL_* settings must not leak into a test's project.
      const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('SURREAL_')));
      const env = { ...inherited, ...options.env };
      const code = await run(argv, { cwd: dir, env, stdin, stdout: stdout.stream, stderr: stderr.stream });
      return { code, stdout: stdout.text(), stderr: stderr.text() };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function collect() {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}
