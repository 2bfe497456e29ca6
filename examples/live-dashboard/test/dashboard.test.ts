/**
 * The live dashboard in a real browser: the page is built with esbuild and served on loopback,
 * headless Chromium opens it, and Node writes tasks through @sdb/orm over @sdb/ws. The page must
 * show the tasks that existed when it opened and then every create, update and delete, without a
 * reload. A screenshot of the final page is kept in `test-artifacts/dashboard.png` (gitignored).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pushSchema } from '@sdb/orm';
import { connect } from '@sdb/ws';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { surrealdb, uniqueScope } from '../../../packages/embedded/test-support/index.ts';
import { chromiumCommand, launchChromium } from '../../../packages/embedded/test-support/runtimes.ts';
import { buildDashboard } from '../build.mjs';
import { serveDashboard } from '../serve.mjs';
import { Task } from '../src/models.ts';

const artifacts = fileURLToPath(new URL('../test-artifacts', import.meta.url));
const server = surrealdb();
const scope = uniqueScope('dashboard');
const auth = { username: server.user, password: server.pass };
let db: Awaited<ReturnType<typeof connect>>;
let site: Awaited<ReturnType<typeof serveDashboard>>;
let browser: Browser;
let page: Page;
let outdir: string;

/** The list as the page shows it: each item's text, with a ✓ for a task shown as done. */
function shownTasks(): Promise<string[]> {
  return page.$$eval('#tasks li', (items) => items.map((item) => `${item.textContent}${item.classList.contains('done') ? ' ✓' : ''}`));
}

async function expectShown(expected: string[]): Promise<void> {
  await expect.poll(shownTasks, { timeout: 10_000 }).toEqual(expected);
}

beforeAll(async () => {
  if (chromiumCommand === undefined) return;
  db = await connect(server.url, { ...scope, auth });
  await pushSchema([Task], { using: db });
  await Task.objects.using(db).bulkCreate([{ title: 'Write the brief' }, { title: 'Book the room', done: true }]);
  outdir = await buildDashboard(mkdtempSync(join(tmpdir(), 'sdb-dashboard-')));
  site = await serveDashboard({ dir: outdir, config: { url: server.url, ...scope, ...auth } });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(site.url);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await db?.close();
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

test.skipIf(chromiumCommand === undefined)('the page lists the tasks that exist when it opens, then says it is live', async () => {
  await expectShown(['Book the room ✓', 'Write the brief']);
  await expect.poll(() => page.textContent('#status')).toBe('live');
});

test.skipIf(chromiumCommand === undefined)('a task created, updated or deleted from Node shows on the page without a reload', async () => {
  const ship = await Task.objects.using(db).create({ title: 'Ship it' });
  await expectShown(['Book the room ✓', 'Ship it', 'Write the brief']);
  await Task.objects.using(db).filter({ id: ship.id }).update({ done: true });
  await expectShown(['Book the room ✓', 'Ship it ✓', 'Write the brief']);
  await Task.objects.using(db).filter({ title: 'Book the room' }).delete();
  await expectShown(['Ship it ✓', 'Write the brief']);
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, 'dashboard.png') });
});

test.skipIf(chromiumCommand === undefined)('a title is shown as text, never run as HTML', async () => {
  await Task.objects.using(db).create({ title: '<img src=x onerror="document.title=1">' });
  await expectShown(['<img src=x onerror="document.title=1">', 'Ship it ✓', 'Write the brief']);
  expect(await page.$$('#tasks img')).toHaveLength(0);
});
