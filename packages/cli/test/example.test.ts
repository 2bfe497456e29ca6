/**
 * The shop example (examples/shop), end to end: its migration history is what `sdb
 * makemigrations` makes of its models (nothing left to make), and its demo, the README's `pnpm
 * demo`, runs as a child process on the built packages: the embedded engine, `sdb migrate`, the
 * seed, the queries and one live update, exiting 0.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/run.ts';
import { buildPackages } from './built.ts';
import { packageDir } from './project.ts';

const shop = join(packageDir, '..', '..', 'examples', 'shop');

describe('examples/shop', () => {
  it('has a migration history that matches its models: makemigrations finds nothing to make', async () => {
    const stdout = new PassThrough();
    let text = '';
    stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const code = await run(['makemigrations', '--json'], { cwd: shop, env: { SURREAL_URL: 'ws://127.0.0.1:9' }, stdout, stderr: new PassThrough() });
    expect(code).toBe(0);
    expect(JSON.parse(text)).toEqual({ ok: true, created: null });
  });

  describe('demo.mjs', () => {
    beforeAll(() => buildPackages(), 300_000);

    it('migrates, seeds, queries, aggregates, gets one live update and exits 0', async () => {
      // execFile rejects on a non-zero exit code, so resolving is the exit-0 check.
      const { stdout } = await promisify(execFile)(process.execPath, [join(shop, 'demo.mjs')], { cwd: shop, timeout: 120_000 });
      expect(stdout.trimEnd().split('\n')).toEqual([
        expect.stringMatching(/^SurrealDB 3\.0\.2 \(embedded\) listening at ws:\/\/127\.0\.0\.1:\d+\/rpc$/),
        '$ sdb migrate',
        '[1/2] Applying 0001_initial',
        '[2/2] Applying 0002_product_stock',
        expect.stringMatching(/^\[x\] 0001_initial {8}applied +[0-9a-f]{12}  \d{4}-\d\d-\d\dT/),
        expect.stringMatching(/^\[x\] 0002_product_stock {2}applied +[0-9a-f]{12}  \d{4}-\d\d-\d\dT/),
        'seeded 3 customers, 4 products, 3 orders',
        'orders from UK customers: ["open","paid"]',
        'sales by product: [{"product":"T-shirt","units":3,"revenue":7500},{"product":"Mug","units":3,"revenue":3600},{"product":"Cap","units":1,"revenue":1800}]',
        'totals: {"lines":5,"revenue":12900,"largest":5000}',
        'out of stock: ["Poster"]',
        'live feed on order started',
        'live: CREATE order (open) for Chloé',
        'closed',
      ]);
    }, 120_000);
  });
});
