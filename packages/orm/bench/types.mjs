#!/usr/bin/env node
/**
 * @module What the ORM's types cost an editor: generates a schema of 30 models × 20 fields with
 * record links between them and a file of 100 querysets (lookups across three links, `match`,
 * `Q`, ordering, values, aggregates, instances), type-checks it with `tsc --extendedDiagnostics`
 * as an application would (declaration: false) and as a library emitting .d.ts would
 * (declaration: true), and prints the check time and the instantiation count of each. Fails on
 * any diagnostic (TS7056 and "excessively deep" included). Checks against the built package
 * (`dist/index.d.ts`, as users get it), in a temporary directory removed afterwards.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const MODELS = 30;
const FIELDS = 20;
const QUERYSETS = 100;
const here = new URL('.', import.meta.url).pathname;
const source = '@sdb/orm';

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
      case 0: return i > 3
        ? `  await M${i}.objects.filter({ f0__f1__f0__f10__istartswith: 'a', f1__f4: true, f10__match: 'word' }).orderBy('-f11', 'f10').limit(10).all();`
        : `  await M${i}.objects.filter({ f0__f0__f11__gte: 1, f1__f4: true }).orderBy('-f11', 'f10').limit(10).all();`;
      case 1: return `  await M${i}.objects.filter(Q.or({ f11__lt: 5 }, Q.not({ f0__f10__istartswith: 'a' }))).count();`;
      case 2: return `  const v${n} = await M${i}.objects.values('f10', 'f11'); v${n}[0]?.f10.toUpperCase();`;
      case 3: return `  await M${i}.objects.values('f4').annotate({ n: Count(), mean: Avg('f11') });`;
      default: return `  const o${n} = await M${i}.objects.get({ f10: 'x', f2__x__gt: 1 }); o${n}.f11 = 2; await o${n}.save();`;
    }
  }),
  '}',
].join('\n');

/** Type-checks the generated files; answers the figures tsc reports and its errors. */
function check(dir, declaration) {
  // No `@sdb/source` condition: the packages resolve to their built .d.ts, as for a user.
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../../../../tsconfig.base.json', compilerOptions: { declaration, customConditions: [] }, include: ['*.ts'] }));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const { stdout, stderr, status } = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json'), '--extendedDiagnostics'], { encoding: 'utf8' });
  const figure = (name) => stdout.match(new RegExp(`^${name}:\\s+(.+)$`, 'm'))?.[1]?.trim() ?? 'n/a';
  const errors = stdout.split('\n').filter((line) => line.includes('error TS'));
  if (status !== 0 && errors.length === 0) errors.push(stderr || `tsc exited with ${status}`);
  return { check: figure('Check time'), instantiations: figure('Instantiations'), types: figure('Types'), memory: figure('Memory used'), errors };
}

const dir = mkdtempSync(join(here, '.types-'));
try {
  writeFileSync(join(dir, 'schema.ts'), schema);
  writeFileSync(join(dir, 'queries.ts'), queries);
  console.log(`@sdb/orm types: ${MODELS} models × ${FIELDS} fields with links, ${QUERYSETS} querysets, tsc --extendedDiagnostics on the built package:`);
  for (const declaration of [false, true]) {
    const result = check(dir, declaration);
    console.log(`  declaration: ${String(declaration).padEnd(5)}  check time ${result.check.padStart(6)}   instantiations ${result.instantiations.padStart(8)}   types ${result.types}   memory ${result.memory}   errors ${result.errors.length}`);
    if (result.errors.length > 0) {
      console.error([...result.errors.slice(0, 10), result.errors.length > 10 ? `... ${result.errors.length - 10} more` : ''].join('\n'));
      process.exitCode = 1;
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
