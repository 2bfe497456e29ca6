/**
 * @module The JavaScript runtimes a browser/edge package is proven in, beside Node: Bun and Deno
 * (npm dev dependencies of this package) and headless Chromium (Debian's `chromium`, driven by
 * playwright-core; `.ci/run` installs it). A test bundles its package for the browser platform
 * with a smoke module that exports `smoke(input)`, then asks each runtime for that function's
 * JSON result. A runtime that is not on the machine is reported as unavailable, so its test can
 * skip and say why. `testEachRuntime` declares those tests (and one in Node, on request, running
 * the same browser build). In split mode the package is built as an app's bundler builds it
 * (chunks loaded by `import()` are files of their own), and the bundle records which of its
 * files Chromium fetched, before and after `smoke` was called.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Metafile } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { browserModule, browserModuleChunks } from './browser-bundle.ts';

export interface Runtime {
  name: 'bun' | 'deno' | 'chromium' | 'node';
  /** The executable, or undefined when this machine has none. */
  command: string | undefined;
  /** Runs `smoke(input)` from the prepared directory and answers its result. */
  run(smoke: SmokeBundle, input: unknown): Promise<unknown>;
}

export interface SmokeBundle {
  dir: string;
  /** Split mode only: esbuild's account of the files in `dir` and what each holds. */
  metafile?: Metafile;
  /** The files of `dir` the latest Chromium run fetched, in order: while loading `smoke.mjs`, or once `smoke` was called. */
  served: ServedFile[];
  remove(): void;
}

export interface ServedFile {
  file: string;
  phase: 'load' | 'smoke';
}

const RUN_TIMEOUT_MS = 30_000;
const CLI = `import { smoke } from './smoke.mjs';
const input = JSON.parse(globalThis.Deno ? Deno.args[0] : process.argv[2]);
console.log(JSON.stringify(await smoke(input)));
`;

/**
 * Bundles `entry` (a package's `src/index.ts`) for the browser platform as `sdb.mjs`, beside
 * `smokeSource`, an ES module that imports from `./sdb.mjs` and exports `async smoke(input)`.
 * With `split`, `sdb.mjs` is the entry chunk of a split build from `dist/` (browser-bundle.ts).
 */
export async function prepareSmoke(entry: string, smokeSource: string, options: { split?: boolean } = {}): Promise<SmokeBundle> {
  const dir = mkdtempSync(join(tmpdir(), 'sdb-runtimes-'));
  let metafile: Metafile | undefined;
  if (options.split) metafile = await browserModuleChunks(entry, dir, 'sdb');
  else writeFileSync(join(dir, 'sdb.mjs'), await browserModule(entry));
  writeFileSync(join(dir, 'smoke.mjs'), smokeSource);
  writeFileSync(join(dir, 'cli.mjs'), CLI);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>sdb smoke</title>');
  return { dir, metafile, served: [], remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function devBinary(name: string, override: string | undefined): string | undefined {
  if (override) return override;
  const path = fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));
  return existsSync(path) && spawnSync(path, ['--version'], { stdio: 'ignore' }).status === 0 ? path : undefined;
}

function cliRuntime(name: 'bun' | 'deno' | 'node', command: string | undefined, args: (script: string, input: string) => string[]): Runtime {
  return {
    name,
    command,
    async run(smoke, input) {
      const run = spawnSync(command as string, args(join(smoke.dir, 'cli.mjs'), JSON.stringify(input)), { encoding: 'utf8', timeout: RUN_TIMEOUT_MS });
      if (run.status !== 0 || run.stderr !== '') throw new Error(`${name} failed (status ${run.status}): ${run.stderr || run.error?.message}`);
      return JSON.parse(run.stdout.trim());
    },
  };
}

/** Debian's Chromium (or `SDB_CHROMIUM`), or undefined when this machine has none. */
export const chromiumCommand = process.env.SDB_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

/** Headless Chromium as every browser test here runs it (close it when done). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumCommand, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'], timeout: RUN_TIMEOUT_MS });
}

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html', '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm' };

/**
 * Chromium loads the smoke module (and any file beside it) from a loopback page, so the server
 * under test is another origin (CORS applies); then calls `smoke`. Each file it fetches is
 * logged in `smoke.served` with the phase it was fetched in.
 */
const chromiumRuntime: Runtime = {
  name: 'chromium',
  command: chromiumCommand,
  async run(smoke, input) {
    let phase: ServedFile['phase'] = 'load';
    smoke.served.splice(0);
    const pages = createServer((request, response) => {
      const file = new URL(request.url ?? '/', 'http://loopback').pathname.slice(1);
      const path = join(smoke.dir, file);
      if (!path.startsWith(smoke.dir) || !existsSync(path)) return response.writeHead(404).end();
      smoke.served.push({ file, phase });
      response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
    });
    await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
    const { port } = pages.address() as { port: number };
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(`http://127.0.0.1:${port}/index.html`, { timeout: RUN_TIMEOUT_MS });
      // Source strings: vitest rewrites `import()` in this file's functions into a helper the page lacks.
      const smokeModule = `import('http://127.0.0.1:${port}/smoke.mjs')`;
      await page.evaluate(`${smokeModule}.then(() => undefined)`);
      phase = 'smoke';
      const result = await page.evaluate(`${smokeModule}.then((module) => module.smoke(${JSON.stringify(input)}))`);
      if (pageErrors.length > 0) throw new Error(`uncaught errors in the page: ${pageErrors.join('; ')}`);
      return result;
    } finally {
      await browser.close();
      pages.close();
    }
  },
};

export const runtimes: readonly Runtime[] = [
  cliRuntime('bun', devBinary('bun', process.env.SDB_BUN), (script, input) => [script, input]),
  cliRuntime('deno', devBinary('deno', process.env.SDB_DENO), (script, input) => ['run', '--allow-net', '--allow-read', script, input]),
  chromiumRuntime,
];

/** Node itself, running the browser build (as a server-side render would): Node 20 has a global `WebSocket` behind this flag only. */
const nodeRuntime = cliRuntime('node', process.execPath, (script, input) => ['--experimental-websocket', '--disable-warning=ExperimentalWarning', script, input]);

export interface RuntimeSmokeTest {
  /** The package's `src/index.ts`. */
  entry: string;
  /** An ES module importing from `./sdb.mjs` and exporting `async smoke(input)`. */
  smoke: string;
  /** What the smoke module does, for the test names. */
  does: string;
  input(runtime: Runtime['name']): unknown;
  expected: unknown;
  /** Build `entry` as an app's bundler does, split into chunks (see `prepareSmoke`). */
  split?: boolean;
  /** Run the browser build in Node too. */
  node?: boolean;
  /** Further expectations on the bundle once a runtime answered `expected` (e.g. on `served`). */
  check?(runtime: Runtime['name'], bundle: SmokeBundle): void;
}

/** One test per runtime: `smoke(input)` there answers `expected`; skipped (and named so) where the runtime is missing. */
export function testEachRuntime(spec: RuntimeSmokeTest): void {
  let bundle: SmokeBundle | undefined;
  beforeAll(async () => {
    bundle = await prepareSmoke(spec.entry, spec.smoke, { split: spec.split });
  });
  afterAll(() => bundle?.remove());
  for (const runtime of spec.node ? [...runtimes, nodeRuntime] : runtimes) {
    const missing = runtime.command === undefined;
    const name = missing ? `${runtime.name}: ${spec.does} (skipped: ${runtime.name} is not installed)` : `${runtime.name}: ${spec.does}`;
    test.skipIf(missing)(name, async () => {
      expect(await runtime.run(bundle as SmokeBundle, spec.input(runtime.name))).toEqual(spec.expected);
      spec.check?.(runtime.name, bundle as SmokeBundle);
    });
  }
}
