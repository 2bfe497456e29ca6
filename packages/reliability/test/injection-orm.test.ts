/**
 * Injection through @sdb/orm: model() takes only plain identifiers as table and field names and
 * refuses anything else; a model whose names are the hardest identifiers (keywords, number words)
 * and adversarial values, taken through every ORM entry point (pushSchema, create, save, merge, delete, every
 * lookup of filter/exclude, values, valuesList, aggregate, queryset update/delete, bulkCreate,
 * upsert, bulkUpsert) on the real engine. Every query text sent has the structure of the same
 * run with benign names and values, and the values come back verbatim.
 */
import fc from 'fast-check';
import { afterAll, expect, test } from 'vitest';
import { Count, LOOKUPS, Max, ModelDefinitionError, f, model, pushSchema } from '@sdb/orm';
import { escapeIdent } from '@sdb/protocol';
import type { WsClient } from '@sdb/ws';
import { recordQueries } from '../../stream/test/support.ts';
import { KEYWORDS, adversarialIdentifier, adversarialName, adversarialValue } from './support/adversarial.ts';
import { recordFigures } from './support/figures.ts';
import { structureChange } from './support/query-shape.ts';
import { scaled } from './support/scale.ts';
import { closeAll, uniqueScope, wsClient } from './support/servers.ts';

const RUNS = scaled(25, 500);
const STAND_IN = { table: 'zzt', field: 'zzf', value: 'zzv' };

afterAll(closeAll);

/** The lookups a string field takes: every lookup but the geo ones (`near`, `within`), whose values are geometry objects, never strings. */
const STRING_LOOKUPS = Object.keys(LOOKUPS).filter((lookup) => lookup !== 'near' && lookup !== 'within');

/** What a lookup is given for value `v`: a list for the list lookups, a pair for range, a boolean for isnull. */
function lookupArgument(lookup: string, v: string): unknown {
  if (['in', 'not_in', 'containsall', 'containsany', 'containsnone'].includes(lookup)) return [v];
  if (lookup === 'range') return [v, v];
  if (lookup === 'isnull') return false;
  return v;
}

interface Outcome {
  /** The query texts each entry point sent, one list per call (empty when refused before sending). */
  sent: string[][];
  /** Entry points the engine refused with a typed error (an adversarial regex, say): their messages. */
  refused: string[];
  /** What `create` stored, read back. */
  stored: unknown;
  filtered: unknown[];
}

/** Every ORM entry point, once, for a model named `table` with a string field `field`, given `value`. */
async function everyEntryPoint(db: WsClient, table: string, field: string, value: string): Promise<Outcome> {
  await db.use(uniqueScope('rel_orm'));
  const { client, texts } = recordQueries(db);
  const Model = model(table, { [field]: f.string().unique(), n: f.int().default(0) });
  const objects = () => Model.objects.using(client) as never as Record<string, (...args: unknown[]) => any>;
  const refused: string[] = [];
  const sent: string[][] = [];
  const step = async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    const from = texts.length;
    try {
      return await action();
    } catch (error) {
      expect((error as Error).name).toMatch(/Error$/);
      expect(error).toHaveProperty('name', expect.not.stringMatching(/^(TypeError|ReferenceError|RangeError|Error)$/));
      refused.push(`${(error as Error).name}: ${(error as Error).message}`);
      return undefined;
    } finally {
      sent.push(texts.slice(from));
    }
  };

  await step(() => pushSchema([Model], { using: client }));
  const created = (await step(() => objects().create!({ [field]: value }))) as Record<string, unknown> & { save(o: object): Promise<void>; merge(p: object, o: object): Promise<void>; delete(o: object): Promise<void> };
  const stored = created?.[field];
  if (created) created[field] = `${value}${value}`;
  // Steps stay aligned with the benign run even when create was refused: a skipped step sends nothing.
  await step(async () => created?.save({ using: client }));
  await step(async () => created?.merge({ [field]: value }, { using: client }));
  const filtered: unknown[] = [];
  for (const lookup of STRING_LOOKUPS) {
    const rows = await step(() => Model.objects.using(client).filter({ [`${field}__${lookup}`]: lookupArgument(lookup, value) } as never).all());
    if (lookup === 'exact') filtered.push(...(rows ?? []).map((row) => (row as Record<string, unknown>)[field]));
    await step(() => Model.objects.using(client).exclude({ [`${field}__${lookup}`]: lookupArgument(lookup, value) } as never).count());
  }
  await step(async () => Model.objects.using(client).filter({ [field]: value } as never).values(field as never));
  await step(() => Model.objects.using(client).valuesList(field as never, { flat: true }));
  await step(() => Model.objects.using(client).aggregate({ count: Count(), top: Max(field as never) }));
  await step(() => Model.objects.using(client).filter({ [field]: value } as never).update({ n: 1 } as never));
  await step(async () => created?.delete({ using: client }));
  await step(() => objects().bulkCreate!([{ [field]: `${value}1` }, { [field]: `${value}2` }]));
  await step(() => objects().upsert!({ [field]: value }, { n: 2 }));
  await step(() => objects().bulkUpsert!([{ [field]: value }], { key: field }));
  await step(() => Model.objects.using(client).filter({ [field]: value } as never).delete());
  return { sent, refused, stored, filtered };
}

test(`model() refuses, with a ModelDefinitionError and before any query, every table or field name that is not a plain identifier (${RUNS * 4} names)`, () => {
  let refused = 0;
  fc.assert(
    fc.property(adversarialName, fc.boolean(), (name, asTable) => {
      fc.pre(!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name));
      expect(() => (asTable ? model(name, { a: f.string() }) : model('t', { [name]: f.string() }))).toThrow(ModelDefinitionError);
      refused++;
    }),
    { numRuns: RUNS * 4 },
  );
  recordFigures('injection', { 'orm names refused by model() (typed)': refused });
});

test(`SurrealDB 3.0.2 fails every write to a table after DEFINE FIELD under some keywords; model() refuses exactly those field names (${KEYWORDS.length} keywords)`, async () => {
  const db = await wsClient();
  await db.use(uniqueScope('rel_kw'));
  const breaking: string[] = [];
  const refused: string[] = [];
  for (const [i, word] of KEYWORDS.entries()) {
    const results = await db.query(`DEFINE TABLE kw${i}; DEFINE FIELD ${escapeIdent(word)} ON kw${i} TYPE string; CREATE kw${i} SET ${escapeIdent(word)} = $v`, { v: 'x' });
    expect(results.slice(0, 2).map((result) => result.ok)).toEqual([true, true]);
    if (!results[2]!.ok) breaking.push(word);
    try {
      model('t', { [word]: f.string() });
    } catch (error) {
      expect(error).toBeInstanceOf(ModelDefinitionError);
      refused.push(word);
    }
  }
  expect(breaking).toContain('SELECT');
  expect(refused).toEqual(breaking);
  recordFigures('injection', { 'keywords that break a table as a field name (refused by model())': breaking.length });
});

test(`every ORM entry point and lookup, ${RUNS} runs with keyword-like table and field names and adversarial values: zero structure changes, values verbatim`, async () => {
  const db = await wsClient();
  let runs = 0;
  let queries = 0;
  let refusedModels = 0;
  let changes = 0;
  let engineRefusals = 0;
  const benign = await everyEntryPoint(db, STAND_IN.table, STAND_IN.field, STAND_IN.value);
  expect(benign.refused).toEqual([]);
  expect(benign.stored).toBe(STAND_IN.value);

  await fc.assert(
    fc.asyncProperty(adversarialIdentifier, adversarialIdentifier, adversarialValue, async (table, field, value) => {
      let outcome: Outcome;
      try {
        outcome = await everyEntryPoint(db, table, field, value);
      } catch (error) {
        // model() refuses some identifiers by design (method names, `__`, `id`, keywords the engine cannot hold as a field): a typed refusal before any query.
        expect(error).toBeInstanceOf(ModelDefinitionError);
        refusedModels++;
        return;
      }
      runs++;
      engineRefusals += outcome.refused.length;
      expect(outcome.sent.length).toBe(benign.sent.length);
      const replaced = new Map([
        [STAND_IN.table, table],
        [STAND_IN.field, field],
        [STAND_IN.value, value],
        // pushSchema names the unique index after its table and field.
        [`${STAND_IN.table}_${STAND_IN.field}_unique`, `${table}_${field}_unique`],
      ]);
      outcome.sent.forEach((texts, i) => {
        // A call refused before sending (a typed client-side check) has nothing to compare.
        if (texts.length === 0) return;
        expect(texts.length).toBe(benign.sent[i]!.length);
        texts.forEach((text, j) => {
          queries++;
          const change = structureChange(benign.sent[i]![j]!, text, replaced);
          if (change) changes++;
          expect(change, JSON.stringify({ table, field, value })).toBeUndefined();
        });
      });
      expect(outcome.stored, outcome.refused.join("\n")).toBe(value);
      expect(outcome.filtered.every((stored) => stored === value)).toBe(true);
    }),
    { numRuns: RUNS },
  );
  expect(changes).toBe(0);
  recordFigures('injection', {
    'orm entry point calls per run': benign.sent.length,
    'orm runs with adversarial names and values': runs,
    'orm queries compared': queries,
    'orm keyword-like models refused by model() (typed)': refusedModels,
    'orm calls refused with a typed error (client checks or the engine)': engineRefusals,
    'orm structure changes': changes,
  });
});
