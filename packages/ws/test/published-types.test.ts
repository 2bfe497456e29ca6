/**
 * The published `.d.ts` is the public API: members marked `@internal` (the transport's session
 * bookkeeping, a subscription's push/rekey/end, `WsSession.open`) are stripped from it
 * (`stripInternal` in tsconfig.base.json), checked on a real build with the package's bundler.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsdown';
import { afterAll, beforeAll, expect, test } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
let outDir: string;
let types: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(packageDir, 'node_modules', '.dts-test-'));
  await build({ config: false, cwd: packageDir, entry: { index: 'src/index.ts' }, outDir, format: 'esm', platform: 'neutral', dts: true, logLevel: 'silent', clean: false });
  types = await readFile(join(outDir, 'index.d.ts'), 'utf8');
}, 60_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

test('no member marked @internal is in the published types', () => {
  expect(types).not.toContain('@internal');
  for (const member of ['trackSession', 'untrackSession', 'closeSession', 'authenticateSession', 'rekey(id', 'push(message']) expect(types).not.toContain(member);
});

test('the public API is still there', () => {
  for (const member of ['declare class WsClient', 'declare class LiveSubscription', 'kill(): Promise<void>', 'session(options?: SessionOptions): Promise<WsSession>']) expect(types).toContain(member);
});
