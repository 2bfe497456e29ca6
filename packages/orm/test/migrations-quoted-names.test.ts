/**
 * Names that SurrealQL has to quote. The engine and ql's printer quote differently (INFO prints
 * `` `select` `` and `` `value` `` but `from`, and `meta.select` inside a path; INFO's keys say
 * `value` where its text says `` `value` ``), so snapshots name a field path by its segments,
 * unquoted, and compare definitions with keyword quoting set aside. A model accepts keyword-like
 * names (table `select`, fields `from`, `where`, `value`); migrations built from ql nodes also
 * take names a model refuses (`order-line`, `unit-price`). Either way the engine's own
 * definitions (an array's `tags.*`, an edge's `in`/`out`) and the schema the models or migrations
 * declare are recognised exactly as for plain names.
 */
import { define } from '@sdb/ql';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { edge, f, model, type AnyModel } from '../src/index.ts';
import { diff, inspectModels, introspect, makeMigration, migrate, op, push, renderMigration, schemaDiff, snapshotOf, stateOf, type Migration } from '../src/migrations/index.ts';
import { transports, type TestConnection } from './clients.ts';
import { scratchModules, sourceUrl } from './modules.ts';

const Keyworded = model(
  'select',
  {
    from: f.float().index(),
    where: f.string().unique(),
    value: f.set(f.int(), { max: 3 }),
    tags: f.array(f.string()),
    meta: f.object({ select: f.string(), value: f.array(f.int()).optional() }),
  },
  { schemafull: true },
);
const Target = model('from', { only: f.array(f.int()).optional() });
const Joins = edge('where', { from: () => Keyworded, to: () => Target }, { since: f.int() }, { schemafull: true });
const keywordModels = [Keyworded, Target, Joins];

/** A table, fields, an index and an edge whose names a model refuses, declared with ql nodes. */
const orderLine = op.createTable(define.table('order-line').schemafull());
const unitPrice = op.addField(define.field('unit-price', 'order-line').type('float'));
const priceIndex = op.addIndex(define.index('order-line_unit-price_index', 'order-line').fields('unit-price'));
const myTags = op.addField(define.field('my-tags', 'order-line').type('option<set<record<order-line>, 3>>'));
const orderNumbers = op.addField(define.field('order no', 'order-line').type('array<int>'));
const selfEdge = op.createTable(define.table('e-dge').relation({ from: ['order-line'], to: ['order-line'] }));
const quoted: Migration = { name: '0001_quoted', up: [orderLine, unitPrice, priceIndex, myTags, orderNumbers, selfEdge], down: [op.dropTable('e-dge'), op.dropTable('order-line')] };

let db: TestConnection;
let counter = 0;

beforeEach(async () => {
  db = await transports.embedded(`orm_quoted_${++counter}`);
});

afterEach(() => db?.close());

describe('keyword-like names in models', () => {
  it('names fields by their path as written: the key of `from` is field:select:from, the element of `value` is value.*', () => {
    const keys = Object.keys(snapshotOf(keywordModels).entries);
    expect(keys).toContain('field:select:from');
    expect(keys).toContain('field:select:meta.select');
    expect(keys).not.toContain('field:select:`from`');
  });

  it('models → push → schemaDiff is empty', async () => {
    await push(db.client, keywordModels);
    expect(await schemaDiff(db.client, keywordModels)).toEqual({ up: [], down: [] });
  });

  it("leaves the engine's element definitions (tags.*, value.*, meta.value.*) and the edge's in and out out of the live snapshot", async () => {
    await push(db.client, keywordModels);
    const live = (await introspect(db.client)).entries;
    const fields = (await db.client.queryAll<[{ fields: Record<string, string> }]>('INFO FOR TABLE `select`'))[0].fields;
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(['tags.*', 'value.*', 'meta.value.*']));
    expect(Object.keys(live).filter((key) => key.endsWith('.*') || key.startsWith('field:where:'))).toEqual(['field:where:since']);
  });

  it("renames a keyword field: until marked .was('from') takes over from's values", () => {
    const Before = model('price', { from: f.float() });
    const After = model('price', { until: f.float().was('from') });
    const first = makeMigration(undefined, [Before], []) as Migration;
    expect(makeMigration('until', [After], [first])?.up).toEqual([op.renameField('price', 'from', 'until', define.field('until', 'price').type('float'))]);
  });

  it('writes a dropped keyword field into a migration file as its name, which drops that field again', () => {
    const first = makeMigration(undefined, [Keyworded], []) as Migration;
    const Fewer = model('select', { where: f.string().unique(), value: f.set(f.int(), { max: 3 }), tags: f.array(f.string()), meta: f.object({ select: f.string(), value: f.array(f.int()).optional() }) }, { schemafull: true });
    const next = makeMigration('no_from', [Fewer], [first]) as Migration;
    expect(renderMigration(next)).toContain('op.dropField("select", "from")');
    expect(next.up).toContainEqual(op.dropField('select', 'from'));
  });
});

describe('names a model refuses, declared by migrations', () => {
  it('migrate → introspect equals the state the migration files produce', async () => {
    await migrate(db.client, [quoted]);
    expect(diff(await introspect(db.client), stateOf([quoted]))).toEqual({ up: [], down: [] });
  });

  it('a removal diffed from the live database names the field the way REMOVE FIELD needs: `unit-price` goes', async () => {
    await migrate(db.client, [quoted]);
    const withoutPrice = stateOf([{ ...quoted, up: [orderLine, myTags, orderNumbers, selfEdge] }]);
    const { up, down } = diff(await introspect(db.client), withoutPrice);
    expect(up).toEqual([op.dropIndex('order-line_unit-price_index', 'order-line'), op.dropField('order-line', 'unit-price')]);
    await migrate(db.client, [quoted, { name: '0002_no_price', up, down }]);
    const fields = (await db.client.queryAll<[{ fields: Record<string, string> }]>('INFO FOR TABLE `order-line`'))[0].fields;
    expect(Object.keys(fields).sort()).toEqual(['`my-tags`', '`my-tags`.*', '`order no`', '`order no`.*']);
  });
});

describe('inspectModels with keyword-like names', () => {
  const modules = scratchModules();
  afterAll(() => modules.remove());
  const orm = sourceUrl('index.ts');

  it('recognises the tables, fields and indexes the models pushed, with nothing left unexpressed but the edge', async () => {
    await push(db.client, [Keyworded, Target]);
    const source = inspectModels(await introspect(db.client), { from: orm });
    expect(source).not.toContain('Not expressed');
    expect(source).toContain('from: f.float().index(),');
    expect(source).toContain('where: f.string().unique(),');
    expect(source).toContain('}, { schemafull: true });');
  });

  it('an existing database with keyword names → inspectModels → the loaded models diff as empty', async () => {
    await push(db.client, [Keyworded, Target]);
    const loaded = Object.values(await modules.load<Record<string, AnyModel>>(inspectModels(await introspect(db.client), { from: orm })));
    expect(loaded.map((m) => m.table).sort()).toEqual(['from', 'select']);
    expect(await schemaDiff(db.client, loaded)).toEqual({ up: [], down: [] });
  });

  it('leaves the tables and fields whose names a model refuses to the migrations, so the models it writes load', async () => {
    await push(db.client, [Target]);
    await migrate(db.client, [quoted]);
    await db.client.queryAll('DEFINE FIELD `unit-price` ON `from` TYPE option<float>');
    const source = inspectModels(await introspect(db.client), { from: orm });
    const loaded = Object.values(await modules.load<Record<string, AnyModel>>(source));
    expect(loaded.map((m) => m.table)).toEqual(['from']);
    const notExpressed = source.slice(source.indexOf('// Not expressed'));
    for (const name of ['TABLE `order-line`', 'TABLE `e-dge`', 'FIELD `unit-price` ON `order-line`', 'INDEX `order-line_unit-price_index`', 'FIELD `unit-price` ON from']) {
      expect(notExpressed).toContain(name);
    }
  });

  it('lists an index that only looks like one the ORM names (an extra clause) instead of dropping it', async () => {
    await push(db.client, [Target]);
    await db.client.queryAll("DEFINE INDEX from_only_index ON `from` FIELDS only COMMENT 'by hand'");
    const source = inspectModels(await introspect(db.client));
    // INFO prints the table `from` bare here.
    expect(source).toContain("// DEFINE INDEX from_only_index ON from FIELDS only COMMENT 'by hand'");
    expect(source).toContain('only: f.array(f.int()).optional(),');
  });
});
