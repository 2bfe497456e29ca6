#!/usr/bin/env node
/**
 * @module What the ORM's types cost an editor: generates a schema of 30 models × 20 fields with
 * record links between them and a file of 100 querysets (lookups across two links, ordering,
 * values, aggregates, instances), type-checks it with `tsc --extendedDiagnostics`, and prints the
 * check time and the instantiation count. Fails on any diagnostic (an "excessively deep" one
 * included). Runs on the package's source, in a temporary directory removed afterwards.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const MODELS = 30;
const FIELDS = 20;
const QUERYSETS = 100;
/**
 * An application's setting by default; `BENCH_DECLARATION=1` checks as a library emitting .d.ts
 * would, where exported models linked in long chains currently hit TS7056 (see the README).
 */
const DECLARATION = process.env.BENCH_DECLARATION === '1';
const here = new URL('.', import.meta.url).pathname;
const source = new URL('../src/index.ts', import.meta.url).pathname;

/** Field `j` of model `i`: a rotation of kinds, with links to the two models before it. */
function fieldOf(i, j) {
  const kinds = ['f.string()', 'f.int()', 'f.float().optional()', 'f.datetime()', 'f.bool()', 'f.array(f.string()).default([])', 'f.string().optional()', 'f.decimal()', 'f.int().default(0)', "f.literal('a', 'b', 'c')"];
  if (j === 0 && i > 0) return `f.link(() => M${i - 1}).optional()`;
  if (j === 1 && i > 1) return `f.link(() => M${i - 2})`;
  if (j === 2) return `f.object({ x: f.int(), y: f.string().optional() }).optional()`;
  return kinds[j % kinds.length];
}

const schema = [
  `import { f, model } from ${JSON.stringify(source)};`,
  ...Array.from({ length: MODELS }, (_, i) => `export const M${i} = model('m${i}', { ${Array.from({ length: FIELDS }, (_, j) => `f${j}: ${fieldOf(i, j)}`).join(', ')} });`),
].join('\n');

const queries = [
  `import { Avg, Count, Q } from ${JSON.stringify(source)};`,
  `import { ${Array.from({ length: MODELS }, (_, i) => `M${i}`).join(', ')} } from './schema.ts';`,
  'export async function queries() {',
  ...Array.from({ length: QUERYSETS }, (_, n) => {
    const i = 2 + (n % (MODELS - 2));
    switch (n % 5) {
      // f10 is a string, f11 an int, f4 a bool, f0/f1 links two models back, f2 an object.
      case 0: return `  await M${i}.objects.filter({ f0__f0__f11__gte: 1, f1__f4: true }).orderBy('-f11', 'f10').limit(10).all();`;
      case 1: return `  await M${i}.objects.filter(Q.or({ f11__lt: 5 }, Q.not({ f0__f10__istartswith: 'a' }))).count();`;
      case 2: return `  const v${n} = await M${i}.objects.values('f10', 'f11'); v${n}[0]?.f10.toUpperCase();`;
      case 3: return `  await M${i}.objects.values('f4').annotate({ n: Count(), mean: Avg('f11') });`;
      default: return `  const o${n} = await M${i}.objects.get({ f10: 'x', f2__x__gt: 1 }); o${n}.f11 = 2; await o${n}.save();`;
    }
  }),
  '}',
].join('\n');

const dir = mkdtempSync(join(here, '.types-'));
try {
  writeFileSync(join(dir, 'schema.ts'), schema);
  writeFileSync(join(dir, 'queries.ts'), queries);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../../../../tsconfig.base.json', compilerOptions: { declaration: DECLARATION }, include: ['*.ts'] }));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const { stdout, stderr, status } = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json'), '--extendedDiagnostics'], { encoding: 'utf8' });
  const figure = (name) => stdout.match(new RegExp(`^${name}:\\s+(.+)$`, 'm'))?.[1]?.trim() ?? 'n/a';
  console.log(`@sdb/orm types: ${MODELS} models × ${FIELDS} fields with links, ${QUERYSETS} querysets (declaration: ${DECLARATION})`);
  console.log(`  check time ${figure('Check time')}   instantiations ${figure('Instantiations')}   types ${figure('Types')}   memory ${figure('Memory used')}`);
  const errors = stdout.split('\n').filter((line) => line.includes('error TS'));
  if (status !== 0 || errors.length > 0) {
    console.error([...errors.slice(0, 10), errors.length > 10 ? `... ${errors.length - 10} more` : ''].join('\n') || stderr);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
