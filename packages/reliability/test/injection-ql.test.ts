/**
 * Injection through @sdb/ql: for every builder method that takes a user string, an adversarial
 * string as a value or as a table, field or other name compiles to a query with the same
 * structure as a benign run (values only in bindings or as one string literal, names as one
 * identifier token that unquotes to the name), and the engine stores it verbatim.
 */
import fc from 'fast-check';
import { afterAll, expect, test } from 'vitest';
import { RecordId, Table } from '@sdb/protocol';
import {
  allInside,
  anyInside,
  compile,
  contains,
  containsAll,
  containsAny,
  containsNone,
  containsNot,
  create,
  define,
  deleteFrom,
  eq,
  exactEq,
  field,
  fn,
  forEach,
  gt,
  gte,
  ifThen,
  infoFor,
  insert,
  insertValues,
  inside,
  letParam,
  live,
  lt,
  lte,
  matches,
  ne,
  noneInside,
  notInside,
  param,
  relate,
  remove,
  ret,
  run,
  select,
  throwError,
  traverse,
  update,
  upsert,
  type Statement,
} from '@sdb/ql';
import { KEYWORDS, adversarialName, adversarialValue } from './support/adversarial.ts';
import { recordFigures } from './support/figures.ts';
import { structureChange } from './support/query-shape.ts';
import { scaled } from './support/scale.ts';
import { closeAll, wsClient } from './support/servers.ts';

const RUNS = scaled(300, 5_000);
const ROUND_TRIPS = scaled(150, 2_000);
const V = 'zzv';
const N = 'zzn';

afterAll(closeAll);

type Build = (s: string) => Statement<unknown>;

/** Builders given a value. */
const VALUE_CASES: Record<string, Build> = {
  'eq': (v) => select('t').where(eq('f', v)),
  'ne': (v) => select('t').where(ne('f', v)),
  'exactEq': (v) => select('t').where(exactEq('f', v)),
  'gt / gte / lt / lte': (v) => select('t').where(gt('f', v)).where(gte('f', v)).where(lt('f', v)).where(lte('f', v)),
  'contains / containsNot': (v) => select('t').where(contains('f', v)).where(containsNot('f', v)),
  'containsAll / Any / None': (v) => select('t').where(containsAll('f', [v])).where(containsAny('f', [v])).where(containsNone('f', [v])),
  'inside / notInside / allInside / anyInside / noneInside': (v) =>
    select('t').where(inside('f', [v])).where(notInside('f', [v])).where(allInside('f', [v])).where(anyInside('f', [v])).where(noneInside('f', [v])),
  'matches': (v) => select('t').where(matches('f', v, 1)),
  'fn in fields': (v) => select('t').fields({ x: fn.string.uppercase(v) }),
  'select record id key': (v) => select(new RecordId('t', v)),
  'create set': (v) => create('t').set({ f: v }),
  'create content': (v) => create('t').content({ f: v, nested: { g: [v] } }),
  'update set op': (v) => update('t').set('f', '+=', v).where(eq('g', v)),
  'update merge': (v) => update(new RecordId('t', 1)).merge({ f: v }),
  'update replace': (v) => update(new RecordId('t', 1)).replace({ f: v }),
  'upsert set': (v) => upsert(new RecordId('t', v)).set({ f: v }),
  'insert rows': (v) => insert('t', [{ f: v }]),
  'insert onDuplicate': (v) => insert('t', [{ f: v }]).onDuplicate({ g: v }),
  'insertValues': (v) => insertValues('t', ['f'], [[v]]),
  'relate set': (v) => relate(new RecordId('a', v), 'e', new RecordId('b', 1)).set({ f: v }),
  'deleteFrom where': (v) => deleteFrom('t').where(eq('f', v)),
  'live where': (v) => live('t').where(eq('f', v)),
  'letParam value': (v) => letParam('x', v),
  'ret': (v) => ret(v),
  'throwError': (v) => throwError(v),
  'ifThen': (v) => ifThen(eq(param('x'), v), ret(v)).else(ret(1)),
  'forEach': (v) => forEach('item', [v], (item) => create('t').set({ f: item })),
  'traverse where': (v) => select('t').fields({ x: traverse.out('e', eq('f', v)).field('g') }),
  'define table comment': (v) => define.table('t').comment(v),
  'define field default / value / comment': (v) => define.field('f', 't').type('string').default(v).comment(v),
  'define field assert': (v) => define.field('f', 't').assert(eq(param('value'), v)),
  'define param value': (v) => define.param('p').value(v),
  'define event when / then': (v) => define.event('ev', 't').when(eq(field('f'), v)).then(create('log').set({ f: v })),
};

/** Builders given a name. */
const NAME_CASES: Record<string, Build> = {
  'select from table': (n) => select(n),
  'select fields / omit / where path': (n) => select('t').fields(n).omit([n]).where(eq([n], 1)),
  'select split / groupBy / orderBy / fetch': (n) => select('t').split([n]).groupBy([n]).orderBy([n], 'desc').fetch([n]),
  'select withIndex': (n) => select('t').withIndex(n),
  'select value': (n) => select('t').value(field([n])),
  'field in a function': (n) => select('t').fields({ x: fn.string.lowercase(field([n])) }),
  'alias': (n) => select('t').fields({ [n]: field('f') }),
  'create table': (n) => create(n).set({ f: 1 }),
  'set path key': (n) => create('t').set({ [n]: 1 }),
  'content object key': (n) => create('t').content({ [n]: 1 }),
  'update / upsert / delete table': (n) => update(n).set({ f: 1 }).where(eq([n], 1)),
  'upsert table': (n) => upsert(n).set({ f: 1 }),
  'deleteFrom table': (n) => deleteFrom(n),
  'insert table': (n) => insert(n, [{ f: 1 }]),
  'insertValues fields': (n) => insertValues('t', [n], [[1]]),
  'relate edge': (n) => relate(new RecordId('a', 1), n, new RecordId('b', 1)),
  'live table / fields': (n) => live(n).fields([n]),
  'traverse out / in': (n) => select('t').fields({ x: traverse.out(n).in(n).field([n]) }),
  'letParam / param': (n) => letParam(n, 1),
  'param use': (n) => ret(param(n)),
  'infoFor table': (n) => infoFor.table(n),
  'define table': (n) => define.table(n).schemafull(),
  'define field name / table': (n) => define.field([n], n).type('string'),
  'define index': (n) => define.index(n, n).fields([n]).unique(),
  'define event': (n) => define.event(n, n).then(ret(1)),
  'define analyzer': (n) => define.analyzer(n),
  'define param': (n) => define.param(n).value(1),
  'define sequence': (n) => define.sequence(n),
  'remove table / field / index': (n) => remove.table(n),
  'remove field': (n) => remove.field([n], n),
  'remove index': (n) => remove.index(n, n),
};

let compiled = 0;
let refusedNames = 0;
let changes = 0;

/** Compiles each builder with the stand-in and with every adversarial string; counts structure changes (there must be none). */
function checkCases(cases: Record<string, Build>, standIn: string, strings: fc.Arbitrary<string>): void {
  for (const [name, build] of Object.entries(cases)) {
    const benign = compile(build(standIn));
    fc.assert(
      fc.property(strings, (s) => {
        let hostile;
        try {
          hostile = compile(build(s));
        } catch (error) {
          // A name the engine cannot hold (e.g. only whitespace where that is refused) may be refused, with a typed error.
          expect((error as Error).name).toMatch(/InvalidIdentifierError|QueryBuildError/);
          refusedNames++;
          return;
        }
        compiled++;
        const change = structureChange(benign.query, hostile.query, new Map([[standIn, s]]));
        if (change) changes++;
        expect(change, `${name} with ${JSON.stringify(s)}`).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  }
}

test('the shape check sees a pasted value and a pasted name (so the checks below can fail)', () => {
  const same = new Map([[V, "x' OR 1=1 --"]]);
  expect(structureChange("SELECT * FROM t WHERE f = 'zzv'", "SELECT * FROM t WHERE f = 'x' OR 1=1 --'", same)).toBeDefined();
  expect(structureChange('SELECT * FROM zzn', 'SELECT * FROM a; DELETE b', new Map([[N, 'a; DELETE b']]))).toBeDefined();
  expect(structureChange('SELECT * FROM zzn', 'SELECT * FROM `a; DELETE b`', new Map([[N, 'a; DELETE b']]))).toBeUndefined();
});

test(`every ql builder that takes a value: ${RUNS} adversarial values each, zero structure changes`, () => {
  checkCases(VALUE_CASES, V, adversarialValue);
  expect(changes).toBe(0);
});

test(`every ql builder that takes a name: ${RUNS} adversarial names each, zero structure changes`, () => {
  checkCases(NAME_CASES, N, adversarialName);
  expect(changes).toBe(0);
  recordFigures('injection', {
    'ql builder cases': Object.keys(VALUE_CASES).length + Object.keys(NAME_CASES).length,
    'ql queries compiled with adversarial input': compiled,
    'ql names refused with a typed error': refusedNames,
    'ql structure changes': changes,
  });
});

test(`round trip on the engine: ${ROUND_TRIPS} adversarial table names, field names and values stored and read back verbatim`, async () => {
  const db = await wsClient();
  let verbatim = 0;
  await fc.assert(
    fc.asyncProperty(adversarialName, adversarialName, adversarialValue, async (table, key, value) => {
      const id = new RecordId(table, 'r');
      await run(db, upsert(id).content({ [key]: value }));
      const [row] = (await run(db, select(new Table(table)).where(eq([key], value)))) as Record<string, unknown>[];
      expect(row).toEqual({ id, [key]: value });
      verbatim++;
    }),
    { numRuns: ROUND_TRIPS },
  );
  recordFigures('injection', { 'ql round trips stored verbatim': verbatim });
});

test(`every SurrealQL keyword of the list (${KEYWORDS.length}) as a table and as a field, in every statement position: the engine reads it as a name`, async () => {
  const db = await wsClient();
  const positions: Record<string, (word: string) => Statement<unknown>> = {
    'CREATE target and SET field': (word) => create(new RecordId(word, 'k')).set({ [word]: word }),
    'UPDATE target': (word) => update(word).set({ [word]: word }),
    'UPSERT target': (word) => upsert(word).set({ [word]: word }).where(eq(word, word)),
    'INSERT INTO': (word) => insert(word, [{ [word]: word }]),
    'RELATE edge': (word) => relate(new RecordId('a', 1), word, new RecordId('b', 1)).set({ [word]: word }),
    'SELECT fields, FROM, WHERE, ORDER BY': (word) => select(word).fields(word).where(eq(word, word)).orderBy(word),
    'DELETE target': (word) => deleteFrom(word).where(eq(word, 'none of these')),
  };
  let statements = 0;
  for (const word of KEYWORDS) {
    await run(db, define.table(word).overwrite());
    for (const [position, build] of Object.entries(positions)) {
      await expect(run(db, build(word)), `${word} as ${position}`).resolves.toBeDefined();
      statements++;
    }
    const rows = (await run(db, select(new Table(word)).where(eq([word], word)))) as Record<string, unknown>[];
    expect(rows.length, word).toBeGreaterThan(0);
    expect(rows.every((row) => row[word] === word)).toBe(true);
  }
  recordFigures('injection', { 'keywords run as names on the engine': KEYWORDS.length, 'keyword statements run': statements });
});
