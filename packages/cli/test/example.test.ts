/**
 * The shop example (examples/shop), end to end: its migration history is what `sdb
 * makemigrations` makes of its models (nothing left to make), migrating it leaves nothing for
 * `schemadiff` (its edge table included), and its demo, the README's `pnpm demo`, runs as a
 * child process on the built packages: the embedded engine, `sdb migrate`, the seed, the queries
 * (a reverse relation prefetched, the relation manager, a lookup through the edge) and one live
 * update, exiting 0.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { surrealdb, uniqueScope } from '../../embedded/test-support/index.ts';
import { run } from '../src/run.ts';
import { buildPackages } from './built.ts';
import { packageDir } from './project.ts';

const shop = join(packageDir, '..', '..', 'examples', 'shop');

/** `sdb ...argv --json` in the shop, in-process, with `env` as its whole environment: the exit code and the JSON it printed. */
async function sdbInShop(argv: string[], env: Record<string, string>): Promise<{ code: number; json: unknown }> {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const code = await run([...argv, '--json'], { cwd: shop, env, stdout, stderr: new PassThrough() });
  return { code, json: JSON.parse(text) };
}

describe('examples/shop', () => {
  it('has a migration history that matches its models: makemigrations finds nothing to make', async () => {
    expect(await sdbInShop(['makemigrations'], { SURREAL_URL: 'ws://127.0.0.1:9' })).toEqual({ code: 0, json: { ok: true, created: null } });
  });

  it('migrates to a database that matches its models, edge table included: schemadiff is empty', async () => {
    const server = surrealdb();
    const scope = uniqueScope('shop');
    const env = { SURREAL_URL: server.url, SURREAL_NAMESPACE: scope.namespace, SURREAL_DATABASE: scope.database, SURREAL_USER: server.user, SURREAL_PASS: server.pass };
    expect(await sdbInShop(['migrate'], env)).toMatchObject({ code: 0, json: { ok: true, ran: 3 } });
    expect(await sdbInShop(['schemadiff'], env)).toEqual({ code: 0, json: { ok: true, differences: 0, statements: [] } });
  });

  describe('demo.mjs', () => {
    beforeAll(() => buildPackages(), 300_000);

    it('migrates, seeds, queries (links, aggregates, a prefetched reverse relation, an edge), gets one live update and exits 0', async () => {
      // execFile rejects on a non-zero exit code, so resolving is the exit-0 check.
      const { stdout } = await promisify(execFile)(process.execPath, [join(shop, 'demo.mjs')], { cwd: shop, timeout: 120_000 });
      expect(stdout.trimEnd().split('\n')).toEqual([
        expect.stringMatching(/^SurrealDB 3\.0\.2 \(embedded\) listening at ws:\/\/127\.0\.0\.1:\d+\/rpc$/),
        '$ sdb migrate',
        '[1/3] Applying 0001_initial',
        '[2/3] Applying 0002_product_stock',
        '[3/3] Applying 0003_reviews',
        expect.stringMatching(/^\[x\] 0001_initial {8}applied +[0-9a-f]{12}  \d{4}-\d\d-\d\dT/),
        expect.stringMatching(/^\[x\] 0002_product_stock {2}applied +[0-9a-f]{12}  \d{4}-\d\d-\d\dT/),
        expect.stringMatching(/^\[x\] 0003_reviews {8}applied +[0-9a-f]{12}  \d{4}-\d\d-\d\dT/),
        'seeded 3 customers, 4 products, 3 orders, 3 reviews',
        'orders from UK customers: ["open","paid"]',
        'sales by product: [{"product":"T-shirt","units":3,"revenue":7500},{"product":"Mug","units":3,"revenue":3600},{"product":"Cap","units":1,"revenue":1800}]',
        'totals: {"lines":5,"revenue":12900,"largest":5000}',
        'out of stock: ["Poster"]',
        'orders per customer: {"Ann":2,"Bob":1,"Chloé":0}',
        'reviews of MUG-1: {"product":"Mug","reviewers":["Ann","Bob"],"stars":4}',
        'reviewers of the T-shirt: ["Ann"]',
        'live feed on order started',
        'live: CREATE order (open) for Chloé',
        'closed',
      ]);
    }, 120_000);
  });
});
