/**
 * The live database against the models: introspect normalises what INFO prints, so a database
 * pushed from the models diffs as empty; push applies the diff; schemaDiff shows what differs in
 * both directions; inspectModels writes models for an existing database whose loaded code then
 * diffs as empty, and lists what a model cannot express.
 */
import { field, gt, param } from '@sdb/ql';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { edge, f, model, type AnyModel } from '../src/index.ts';
import { inspectModels, introspect, makeMigration, migrate, op, push, schemaDiff, type Migration } from '../src/migrations/index.ts';
import { transports, type TestConnection } from './clients.ts';
import { Company, Person } from './models.ts';
import { scratchModules, sourceUrl } from './modules.ts';

/** A field of every kind the engine prints in its own way. */
const Sample = model(
  'sample',
  {
    list: f.array(f.int(), { max: 3 }),
    labels: f.set(f.string()),
    level: f.literal(1, 2, 3),
    plan: f.literal('free', 'pro').optional(),
    anything: f.any().optional(),
    ratio: f.float().default(0.5),
    embedding: f.vector(3),
    positive: f.int().assert(gt(param('value'), 0)),
    secret: f.string().permissions({ select: 'full', update: 'none' }),
    nested: f.object({ depth: f.int(), label: f.string().optional() }),
    rows: f.array(f.object({ a: f.int() })).optional(),
    doubled: f.computed(field('positive')),
    note: f.string().default('x').comment('a note'),
    rank: f.int().index(),
  },
  { schemafull: true },
);

const models = [Company, Person, Sample];

let db: TestConnection;
let counter = 0;

beforeEach(async () => {
  db = await transports.embedded(`orm_live_${++counter}`);
});

afterEach(() => db?.close());

describe('push and schemaDiff', () => {
  it('models → push → schemaDiff is empty', async () => {
    const ran = await push(db.client, models);
    expect(ran.length).toBeGreaterThan(30);
    expect(await schemaDiff(db.client, models)).toEqual({ up: [], down: [] });
  });

  it('an edge model → makeMigration → migrate → schemaDiff is empty: the in and out fields the engine defines are no difference', async () => {
    const WorksAt = edge('works_at', { from: () => Person, to: () => Company }, { since: f.int() }, { schemafull: true });
    const initial = makeMigration(undefined, [Company, Person, WorksAt], []) as Migration;
    await migrate(db.client, [initial]);
    const fields = (await db.client.queryAll<[{ fields: Record<string, string> }]>('INFO FOR TABLE works_at'))[0].fields;
    expect(Object.keys(fields).sort()).toEqual(['in', 'out', 'since']);
    expect(await schemaDiff(db.client, [Company, Person, WorksAt])).toEqual({ up: [], down: [] });
  });

  it('pushes nothing when the database already matches', async () => {
    await push(db.client, models);
    expect(await push(db.client, models)).toEqual([]);
  });

  it('pushes a changed field as an alter, which then holds', async () => {
    await push(db.client, [Company]);
    const Changed = model('company', { name: f.string(), country: f.string().default('FR') });
    const ran = await push(db.client, [Changed]);
    expect(ran.map((o) => o.type)).toEqual(['alter']);
    expect((await db.client.queryAll<[{ fields: Record<string, string> }]>('INFO FOR TABLE company'))[0].fields.country).toBe("DEFINE FIELD country ON company TYPE string DEFAULT 'FR' PERMISSIONS FULL");
  });

  it('proposes removing what only the database has, and restoring it going down', async () => {
    await push(db.client, [Company]);
    await db.client.queryAll('DEFINE TABLE audit SCHEMALESS; DEFINE FIELD at ON audit TYPE datetime');
    const { up, down } = await schemaDiff(db.client, [Company]);
    expect(up).toEqual([op.dropTable('audit')]);
    expect(down).toEqual([op.raw('DEFINE TABLE audit TYPE ANY SCHEMALESS PERMISSIONS NONE'), op.raw('DEFINE FIELD at ON audit TYPE datetime PERMISSIONS FULL')]);
  });

  it('never proposes removing the migration history', async () => {
    const initial = makeMigration(undefined, [Company], []) as Migration;
    await migrate(db.client, [initial]);
    expect(await schemaDiff(db.client, [Company])).toEqual({ up: [], down: [] });
    expect(Object.keys((await introspect(db.client)).entries)).not.toContain('table:_sdb_migrations');
  });

  it('normalises INFO output: none | T, 0.5f, ON, PERMISSIONS FULL, tags.*', async () => {
    await push(db.client, models);
    const live = (await introspect(db.client)).entries;
    expect(live['field:person:score']?.source).toBe('DEFINE FIELD score ON person TYPE none | float PERMISSIONS FULL');
    expect(live['field:sample:ratio']?.source).toBe('DEFINE FIELD ratio ON sample TYPE float DEFAULT 0.5f PERMISSIONS FULL');
    expect(live['field:sample:ratio']?.sql).toBe('DEFINE FIELD ratio ON sample TYPE float DEFAULT 0.5 PERMISSIONS FULL');
    // The engine's own element definition of an array field is not one of ours.
    expect(live['field:person:tags.*']).toBeUndefined();
  });
});

describe('inspectModels', () => {
  const modules = scratchModules();
  afterAll(() => modules.remove());
  const orm = sourceUrl('index.ts');

  /** Writes generated code to a file, as `sdb inspectdb --out` does, and imports its models. */
  async function load(source: string): Promise<AnyModel[]> {
    return Object.values(await modules.load<Record<string, AnyModel>>(source));
  }

  it('an existing database → inspectModels → the loaded models diff as empty', async () => {
    await db.client.queryAll(`
      DEFINE TABLE shop SCHEMALESS;
      DEFINE FIELD name ON shop TYPE string;
      DEFINE TABLE item SCHEMAFULL;
      DEFINE FIELD title ON item TYPE string COMMENT 'shown in lists';
      DEFINE FIELD price ON item TYPE float DEFAULT 0;
      DEFINE FIELD stock ON item TYPE option<int>;
      DEFINE FIELD shop ON item TYPE record<shop>;
      DEFINE FIELD tags ON item TYPE array<string> DEFAULT [];
      DEFINE FIELD size ON item TYPE string ASSERT $value INSIDE ['s', 'm', 'l'];
      DEFINE FIELD dims ON item TYPE option<object>;
      DEFINE FIELD dims.w ON item TYPE int;
      DEFINE FIELD added ON item TYPE datetime DEFAULT time::now() READONLY;
      DEFINE FIELD sku ON item TYPE string;
      DEFINE INDEX item_sku_unique ON item FIELDS sku UNIQUE;
      DEFINE FIELD cost ON item TYPE decimal PERMISSIONS FOR select NONE;
    `);
    const source = inspectModels(await introspect(db.client), { from: orm });
    expect(source).not.toContain('Not expressed');
    const loaded = await load(source);
    expect(loaded.map((m) => m.table).sort()).toEqual(['item', 'shop']);
    expect(await schemaDiff(db.client, loaded)).toEqual({ up: [], down: [] });
  });

  it("reads each field's clauses from INFO … STRUCTURE: a default and a comment holding a quote, which INFO prints in double quotes, are said as written", async () => {
    await db.client.queryAll(`DEFINE TABLE note SCHEMAFULL; DEFINE FIELD body ON note TYPE string DEFAULT "it's" COMMENT "don't" READONLY`);
    const source = inspectModels(await introspect(db.client), { from: orm });
    expect(source).toContain(`body: f.string().default("it's").readonly().comment("don't"),`);
    expect(await schemaDiff(db.client, await load(source))).toEqual({ up: [], down: [] });
  });

  it('round-trips the models pushed from code', async () => {
    await push(db.client, [Company, Person]);
    const source = inspectModels(await introspect(db.client), { from: orm });
    expect(source).toContain('company: f.link(() => Company).optional()');
    // string::is_email($value) is an expression the generated code cannot hold: listed, not lost.
    expect(source).toContain('// DEFINE FIELD email ON person TYPE string ASSERT string::is_email($value) PERMISSIONS FULL');
  });

  it('lists what a model cannot express as comments, never dropping it silently', async () => {
    await db.client.queryAll(`
      DEFINE TABLE log SCHEMALESS CHANGEFEED 1d;
      DEFINE EVENT logged ON log WHEN $event = 'CREATE' THEN { CREATE audit SET at = time::now() };
      DEFINE ANALYZER words TOKENIZERS BLANK;
    `);
    const source = inspectModels(await introspect(db.client));
    expect(source).toContain("import { f, model } from \"@sdb/orm\";");
    expect(source).toContain('export const Log = model("log", {\n});');
    for (const line of ['// DEFINE TABLE log TYPE ANY SCHEMALESS CHANGEFEED 1d PERMISSIONS NONE', '// DEFINE ANALYZER words TOKENIZERS BLANK', '// DEFINE EVENT logged ON log WHEN']) {
      expect(source).toContain(line);
    }
  });
});
