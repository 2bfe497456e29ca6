/**
 * migrate / rollback / status on the real engine: migrations apply in order and are recorded
 * (name, checksum, applied_at), each atomically (a failure leaves the database as it was and the
 * migration unrecorded, over every transport), errors name the statement, AlterField really
 * alters, renames keep the data, data migrations run in the transaction, the lock makes two
 * concurrent runs apply each migration once, and the round trips hold.
 */
import { RecordId, StatementError } from '@sdb/protocol';
import { create, define, eq, field, fn, param, remove, ret, select } from '@sdb/ql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { f, model } from '../src/index.ts';
import {
  diff,
  introspect,
  makeMigration,
  migrate,
  MigrationError,
  MigrationLockedError,
  op,
  rollback,
  schemaDiff,
  stateOf,
  status,
  type Migration,
  type MigrationStep,
} from '../src/migrations/index.ts';
import { connect as connectWs } from '@sdb/ws';
import { surrealdb, uniqueScope } from '../../embedded/test-support/index.ts';
import { transports, type TestConnection } from './clients.ts';
import { Company, Person } from './models.ts';

const Book = model('book', { title: f.string(), pages: f.int().optional() }, { schemafull: true });

const createBook = makeMigration('books', [Book], []) as Migration;
const BookWithIsbn = model('book', { title: f.string(), pages: f.int().optional(), isbn: f.string().unique().optional() }, { schemafull: true });
const addIsbn = makeMigration('isbn', [BookWithIsbn], [createBook]) as Migration;

let db: TestConnection;
let counter = 0;

beforeEach(async () => {
  db = await transports.embedded(`orm_migrate_${++counter}`);
});

afterEach(() => db?.close());

const raw = async <T>(query: string): Promise<T> => (await db.client.queryAll<[T]>(query))[0];
const tables = async () => Object.keys((await raw<{ tables: Record<string, string> }>('INFO FOR DB')).tables).sort();

describe('migrate and status', () => {
  it('applies pending migrations in order and records each with its checksum', async () => {
    const steps: MigrationStep[] = [];
    const after = await migrate(db.client, [createBook, addIsbn], { onStep: (step) => steps.push(step) });
    expect(steps.map((s) => `${s.index}/${s.total} ${s.direction} ${s.name}`)).toEqual(['1/2 up 0001_books', '2/2 up 0002_isbn']);
    expect(after.map((s) => [s.name, s.applied, s.changed])).toEqual([['0001_books', true, false], ['0002_isbn', true, false]]);
    const rows = await raw<{ name: string; checksum: string; applied_at: unknown }[]>('SELECT name, checksum, applied_at FROM _sdb_migrations ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual(['0001_books', '0002_isbn']);
    expect(rows[0]?.checksum).toBe(after[0]?.checksum);
    expect(Object.keys((await raw<{ indexes: object }>('INFO FOR TABLE book')).indexes)).toEqual(['book_isbn_unique']);
  });

  it('does nothing the second time', async () => {
    await migrate(db.client, [createBook]);
    const steps: MigrationStep[] = [];
    await migrate(db.client, [createBook], { onStep: (step) => steps.push(step) });
    expect(steps).toEqual([]);
  });

  it('stops at a target, and refuses an unknown one', async () => {
    const after = await migrate(db.client, [createBook, addIsbn], { target: '0001_books' });
    expect(after.map((s) => s.applied)).toEqual([true, false]);
    await expect(migrate(db.client, [createBook, addIsbn], { target: '0009_nope' })).rejects.toThrow(/Unknown migration "0009_nope"/);
  });

  it('records without running when fake', async () => {
    const after = await migrate(db.client, [createBook], { fake: true });
    expect(after[0]?.applied).toBe(true);
    expect(await tables()).toEqual(['_sdb_migration_lock', '_sdb_migrations']);
  });

  it('flags an applied migration whose file changed, and one whose file is gone', async () => {
    await migrate(db.client, [createBook, addIsbn]);
    const edited: Migration = { ...createBook, up: [...createBook.up, op.raw('UPDATE book SET pages = 1')] };
    const [first, second] = await status(db.client, [edited]);
    expect(first).toMatchObject({ name: '0001_books', applied: true, changed: true });
    expect(second).toMatchObject({ name: '0002_isbn', applied: true, missing: true });
  });

  it('reports nothing applied on a database never migrated', async () => {
    expect((await status(db.client, [createBook])).map((s) => s.applied)).toEqual([false]);
  });
});

describe('round trips', () => {
  it('models → makeMigration → migrate → schemaDiff is empty', async () => {
    // `kinds.*` carries an ASSERT: it overwrites the element definition the engine makes for `kinds`.
    const Tagged = model('tagged', { kinds: f.array(f.literal('a', 'b')), rows: f.array(f.object({ n: f.int() })).optional() }, { schemafull: true });
    const initial = makeMigration(undefined, [Company, Person, Tagged], []) as Migration;
    await migrate(db.client, [initial]);
    expect(await schemaDiff(db.client, [Company, Person, Tagged])).toEqual({ up: [], down: [] });
  });

  it('migrate → rollback to zero leaves no table of ours', async () => {
    const initial = makeMigration(undefined, [Company, Person], []) as Migration;
    const later = makeMigration('books', [Company, Person, Book], [initial]) as Migration;
    await migrate(db.client, [initial, later]);
    const steps: string[] = [];
    const after = await rollback(db.client, [initial, later], 'zero', { onStep: (s) => steps.push(`${s.direction} ${s.name}`) });
    expect(steps).toEqual(['down 0002_books', 'down 0001_initial']);
    expect(after.map((s) => s.applied)).toEqual([false, false]);
    expect((await introspect(db.client)).entries).toEqual({});
  });

  it('rolls back to a target, keeping it applied', async () => {
    await migrate(db.client, [createBook, addIsbn]);
    const after = await rollback(db.client, [createBook, addIsbn], '0001_books');
    expect(after.map((s) => s.applied)).toEqual([true, false]);
    expect(await schemaDiff(db.client, [Book])).toEqual({ up: [], down: [] });
  });
});

describe('what migrations change', () => {
  it('alters a field for real (DEFINE FIELD … OVERWRITE), as INFO shows', async () => {
    await migrate(db.client, [createBook]);
    const Required = model('book', { title: f.string(), pages: f.int().default(1) }, { schemafull: true });
    const alter = makeMigration('pages_required', [Required], [createBook]) as Migration;
    await migrate(db.client, [createBook, alter]);
    expect((await raw<{ fields: Record<string, string> }>('INFO FOR TABLE book')).fields.pages).toBe('DEFINE FIELD pages ON book TYPE int DEFAULT 1 PERMISSIONS FULL');
  });

  it('alters a table (schemaless to schemafull) and keeps its fields', async () => {
    const Loose = model('note', { text: f.string() });
    const Strict = model('note', { text: f.string() }, { schemafull: true });
    const first = makeMigration(undefined, [Loose], []) as Migration;
    const strict = makeMigration('strict', [Strict], [first]) as Migration;
    expect(strict.up.map((o) => o.type)).toEqual(['alter']);
    await migrate(db.client, [first, strict]);
    expect(await schemaDiff(db.client, [Strict])).toEqual({ up: [], down: [] });
    await expect(raw("CREATE note SET text = 'x'")).resolves.toEqual([expect.objectContaining({ text: 'x' })]);
    await expect(raw("CREATE note SET text = 'y', extra = 1")).rejects.toThrow(/no such field exists/);
  });

  it('renames a field and keeps its values, and renames it back on rollback', async () => {
    await migrate(db.client, [createBook]);
    await raw("CREATE book:one SET title = 'Dune'");
    const Renamed = model('book', { name: f.string().was('title'), pages: f.int().optional() }, { schemafull: true });
    const rename = makeMigration('rename_title', [Renamed], [createBook]) as Migration;
    await migrate(db.client, [createBook, rename]);
    expect(await raw('SELECT * FROM ONLY book:one')).toEqual({ id: new RecordId('book', 'one'), name: 'Dune' });
    await rollback(db.client, [createBook, rename], '0001_books');
    expect(await raw('SELECT * FROM ONLY book:one')).toEqual({ id: new RecordId('book', 'one'), title: 'Dune' });
  });

  it('runs a data migration with the client, inside the migration\'s transaction', async () => {
    const seed: Migration = {
      name: '0002_seed',
      up: [op.data(async (client) => void (await client.queryAll("CREATE book:seeded SET title = 'Seeded'")))],
      down: [op.raw('DELETE book:seeded')],
    };
    await migrate(db.client, [createBook, seed]);
    expect(await raw('SELECT VALUE title FROM book')).toEqual(['Seeded']);
    await rollback(db.client, [createBook, seed], '0001_books');
    expect(await raw('SELECT VALUE title FROM book')).toEqual([]);
  });

  it('defines and removes every kind of definition, which then diffs as what the migration says', async () => {
    const everything: Migration = {
      name: '0001_everything',
      up: [
        op.createTable(define.table('doc').schemafull().changefeed('1d').permissions({ select: 'full', create: 'none' })),
        op.addField(define.field('body', 'doc').type('string')),
        op.addField(define.field('embedding', 'doc').type('array<float, 3>')),
        op.analyzer(define.analyzer('words').tokenizers('blank').filters('lowercase')),
        op.addIndex(define.index('doc_body_search', 'doc').fields('body').fulltext('words')),
        op.addIndex(define.index('doc_embedding_hnsw', 'doc').fields('embedding').hnsw({ dimension: 3, distance: 'cosine' })),
        op.addIndex(define.index('doc_body_unique', 'doc').fields('body').unique()),
        op.rebuildIndex('doc_body_unique', 'doc'),
        op.event(define.event('doc_created', 'doc').when(eq(param('event'), 'CREATE')).then([create('log').set({ at: fn.time.now() })])),
        op.param(define.param('site').value('docs')),
        op.function(define.function('greet', [['name', 'string']], (name) => [ret(fn.string.concat('hi ', name))], { returns: 'string' })),
        op.sequence(define.sequence('doc_numbers').batch(10).start(100)),
        op.access(define.access('api', 'database').jwt({ algorithm: 'HS512', key: 'a-very-secret-key' })),
        op.access(define.access('tokens', 'database').bearer('user')),
        op.access(define.access('account', 'database').record({ signin: select('doc').where(eq(field('body'), param('body'))), signup: create('doc').set({ body: param('body') }) }).duration({ token: '15m' })),
        op.createTable(define.table('doc_view').as(select('doc').fields('body'))),
        op.createTable(define.table('owned').permissions({ select: eq(field('owner'), param('auth')), create: 'full' })),
      ],
      down: [
        op.dropTable('owned'),
        op.dropTable('doc_view'),
        op.remove(remove.access('account', 'database')),
        op.remove(remove.access('tokens', 'database')),
        op.remove(remove.access('api', 'database')),
        op.remove(remove.sequence('doc_numbers')),
        op.remove(remove.function('greet')),
        op.remove(remove.param('site')),
        op.dropTable('doc'),
        op.remove(remove.analyzer('words')),
      ],
    };
    await migrate(db.client, [everything]);
    expect(diff(await introspect(db.client), stateOf([everything]))).toEqual({ up: [], down: [] });
    await rollback(db.client, [everything], 'zero');
    expect((await introspect(db.client)).entries).toEqual({});
  });
});

describe('failures', () => {
  it('leaves nothing of a failing migration and names the statement', async () => {
    const broken: Migration = {
      name: '0002_broken',
      up: [op.addField(define.field('isbn', 'book').type('string')), op.addField(define.field('isbn', 'book').type('string'))],
      down: [],
    };
    await migrate(db.client, [createBook]);
    const before = await introspect(db.client);
    const failed = migrate(db.client, [createBook, broken]);
    await expect(failed).rejects.toBeInstanceOf(MigrationError);
    await expect(failed).rejects.toMatchObject({
      migration: '0002_broken',
      statement: 'DEFINE FIELD isbn ON TABLE book TYPE string',
      message: expect.stringMatching(/failed at operation 2 .*already exists.*rolled back and is not recorded/),
    });
    expect(((await failed.catch((e: unknown) => e)) as MigrationError).cause).toBeInstanceOf(StatementError);
    expect(await introspect(db.client)).toEqual(before);
    expect((await status(db.client, [createBook, broken])).map((s) => s.applied)).toEqual([true, false]);
  });

  it('undoes the definitions when a data migration throws', async () => {
    const failing: Migration = {
      name: '0001_failing',
      up: [
        op.createTable(define.table('temp')),
        op.data(async () => {
          throw new Error('bad row');
        }),
      ],
      down: [],
    };
    await expect(migrate(db.client, [failing])).rejects.toThrow(/operation 2 \(op\.data\(\)\): bad row/);
    expect(await tables()).not.toContain('temp');
  });

  it('keeps secrets out of the error', async () => {
    const broken: Migration = { name: '0001_secret', up: [op.raw("DEFINE ACCESS api ON DATABASE TYPE JWT ALGORITHM HS512 KEY 'hunter2-secret'; THROW 'stop'")], down: [] };
    const error = (await migrate(db.client, [broken]).catch((e: MigrationError) => e)) as MigrationError;
    expect(error).toBeInstanceOf(MigrationError);
    expect(error.message).not.toContain('hunter2');
    expect(error.statement).toContain("KEY '[REDACTED]'");
  });

  it('refuses a rollback past a migration it has no file for, before running anything', async () => {
    await migrate(db.client, [createBook, addIsbn]);
    await expect(rollback(db.client, [createBook], 'zero')).rejects.toThrow(/0002_isbn is applied but not among the migrations given/);
    expect((await status(db.client, [createBook, addIsbn])).map((s) => s.applied)).toEqual([true, true]);
  });

  it('refuses two migrations with one name', async () => {
    await expect(migrate(db.client, [createBook, createBook])).rejects.toThrow(/Two migrations are named 0001_books/);
  });
});

describe('the migration lock', () => {
  it('makes two concurrent runs apply each migration once', async () => {
    // Two connections to one database, as two deploys starting at once would have.
    const server = surrealdb();
    const scope = uniqueScope('orm_migrate_lock');
    const [a, b] = await Promise.all([0, 1].map(() => connectWs(server.url, { ...scope, auth: { username: server.user, password: server.pass } })));
    try {
      const counted: Migration = { name: '0003_count', up: [op.raw('UPSERT runs:count SET n += 1')], down: [] };
      const runs = [createBook, addIsbn, counted];
      const [first, second] = await Promise.all([migrate(a!, runs), migrate(b!, runs)]);
      expect(first.map((s) => s.applied)).toEqual([true, true, true]);
      expect(second.map((s) => s.applied)).toEqual([true, true, true]);
      expect((await a!.queryAll<[number[]]>('SELECT VALUE n FROM runs'))[0]).toEqual([1]);
      expect((await a!.queryAll<[number]>('RETURN count(SELECT * FROM _sdb_migrations)'))[0]).toBe(3);
    } finally {
      await Promise.all([a?.close(), b?.close()]);
    }
  });

  it('gives up with MigrationLockedError when another run holds the lock too long', async () => {
    await raw("CREATE _sdb_migration_lock:main SET owner = 'someone else'");
    await expect(migrate(db.client, [createBook], { lockTimeout: 200 })).rejects.toBeInstanceOf(MigrationLockedError);
    expect(await tables()).not.toContain('book');
  });
});

describe.each(['ws', 'http'] as const)('over %s', (transport) => {
  let remote: TestConnection;

  beforeEach(async () => {
    remote = await transports[transport](`orm_migrate_${transport}`);
  });

  afterEach(() => remote?.close());

  it('applies, records and rolls back migrations', async () => {
    await migrate(remote.client, [createBook, addIsbn]);
    expect(await schemaDiff(remote.client, [BookWithIsbn])).toEqual({ up: [], down: [] });
    await rollback(remote.client, [createBook, addIsbn], 'zero');
    expect((await introspect(remote.client)).entries).toEqual({});
  });

  it('leaves nothing of a failing migration', async () => {
    const broken: Migration = { name: '0002_broken', up: [op.addField(define.field('isbn', 'book').type('string')), op.raw("THROW 'no'")], down: [] };
    await migrate(remote.client, [createBook]);
    const before = await introspect(remote.client);
    await expect(migrate(remote.client, [createBook, broken])).rejects.toMatchObject({ name: 'MigrationError', migration: '0002_broken', statement: "THROW 'no'" });
    expect(await introspect(remote.client)).toEqual(before);
    expect((await status(remote.client, [createBook, broken])).map((s) => s.applied)).toEqual([true, false]);
  });
});

it('refuses a data migration over HTTP before running anything', async () => {
  const remote = await transports.http('orm_migrate_http_data');
  try {
    const seed: Migration = { name: '0001_seed', up: [op.createTable(define.table('seeded')), op.data(async () => {})], down: [] };
    await expect(migrate(remote.client, [seed])).rejects.toThrow(/data migration \(op\.data\), which needs a client that holds an interactive transaction/);
    expect((await introspect(remote.client)).entries).toEqual({});
  } finally {
    await remote.close();
  }
});
