/**
 * @module `pnpm bench`, part 3: what @sdb/orm costs. Runs the ORM's own two benchmarks on its
 * built package (turbo builds it first, as a dependency of this one): the type-checking cost of
 * a 30-model schema and 100 querysets (`tsc --extendedDiagnostics` check time and instantiation
 * count, with and without `declaration`), and the client CPU of loading 1,000 rows as instances
 * and through `values()` beside the raw @sdb/ws query, each with its target met or not.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const orm = dirname(createRequire(import.meta.url).resolve('@sdb/orm/package.json'));
let failed = false;
for (const script of ['bench/types.mjs', 'bench/hydrate.mjs']) {
  const { status } = spawnSync(process.execPath, [join(orm, script)], { cwd: orm, stdio: 'inherit' });
  if (status !== 0) failed = true;
}
if (failed) process.exitCode = 1;
