/**
 * The migration engine without a database: snapshots of models and of migration files, the diff
 * between them (adds, alters, drops, renames via .was()), makeMigration, the file text
 * renderMigration writes (loaded back as a module) and the SurrealQL compileMigration prints.
 */
import { RecordId } from '@sdb/protocol';
import { define, remove } from '@sdb/ql';
import { afterAll, describe, expect, it } from 'vitest';
import { f, model } from '../src/index.ts';
import { checksumOf, compileMigration, diff, makeMigration, MigrationError, op, renameCandidates, renderMigration, snapshotOf, stateOf, type Migration } from '../src/migrations/index.ts';
import { Company, Person } from './models.ts';
import { scratchModules, sourceUrl } from './modules.ts';

const Author = model('author', { name: f.string(), born: f.int().optional() }, { schemafull: true });

describe('snapshots and makeMigration', () => {
  it('makes a first migration from the models, and none once the files are up to date', () => {
    const first = makeMigration(undefined, [Company, Person], []) as Migration;
    expect(first.name).toBe('0001_initial');
    expect(stateOf([first])).toEqual(snapshotOf([Company, Person]));
    expect(makeMigration('again', [Company, Person], [first])).toBeUndefined();
  });

  it('numbers the next migration after the highest existing one', () => {
    const first = makeMigration('authors', [Author], []) as Migration;
    const Later = model('author', { name: f.string(), born: f.int().optional(), alive: f.bool().default(true) }, { schemafull: true });
    expect(makeMigration('alive', [Later], [first])?.name).toBe('0002_alive');
  });

  it('adds a field going up and drops it going down', () => {
    const first = makeMigration(undefined, [Author], []) as Migration;
    const WithBio = model('author', { name: f.string(), born: f.int().optional(), bio: f.string().optional() }, { schemafull: true });
    const next = makeMigration('bio', [WithBio], [first]) as Migration;
    expect(compileMigration(next, 'up')).toBe('DEFINE FIELD bio ON TABLE author TYPE option<string>;');
    expect(compileMigration(next, 'down')).toBe('REMOVE FIELD bio ON TABLE author;');
  });

  it('alters a changed field with DEFINE FIELD … OVERWRITE, both ways', () => {
    const first = makeMigration(undefined, [Author], []) as Migration;
    const Required = model('author', { name: f.string(), born: f.int() }, { schemafull: true });
    const next = makeMigration('born_required', [Required], [first]) as Migration;
    expect(next.up).toEqual([op.alterField(define.field('born', 'author').type('int'))]);
    expect(compileMigration(next, 'up')).toBe('DEFINE FIELD OVERWRITE born ON TABLE author TYPE int;');
    expect(compileMigration(next, 'down')).toBe('DEFINE FIELD OVERWRITE born ON TABLE author TYPE option<int>;');
  });

  it('renames a field marked .was(old) instead of dropping one and adding the other', () => {
    const first = makeMigration(undefined, [Author], []) as Migration;
    const Renamed = model('author', { fullName: f.string().was('name'), born: f.int().optional() }, { schemafull: true });
    const next = makeMigration('full_name', [Renamed], [first]) as Migration;
    expect(next.up).toEqual([op.renameField('author', 'name', 'fullName', define.field('fullName', 'author').type('string'))]);
    expect(compileMigration(next, 'up').split('\n')).toEqual([
      'DEFINE FIELD fullName ON TABLE author TYPE string;',
      'UPDATE author SET fullName = name;',
      'REMOVE FIELD name ON TABLE author;',
      'UPDATE author UNSET name;',
    ]);
    expect(next.down).toEqual([op.renameField('author', 'fullName', 'name', define.field('name', 'author').type('string'))]);
    expect(makeMigration('again', [Renamed], [first, next])).toBeUndefined();
  });

  it('lists a field gone and one of the same type new on a table as a rename candidate', () => {
    const first = makeMigration(undefined, [Author], []) as Migration;
    const Changed = model('author', { fullName: f.string(), born: f.int().optional(), nickname: f.int().optional() }, { schemafull: true });
    // name (string) → fullName (string) is a candidate; nickname is an int, so it is not.
    expect(renameCandidates([Changed], [first])).toEqual([{ table: 'author', from: 'name', to: 'fullName' }]);
  });

  it('lists no candidate for a rename .was() already declares', () => {
    const first = makeMigration(undefined, [Author], []) as Migration;
    const Renamed = model('author', { fullName: f.string().was('name'), born: f.int().optional() }, { schemafull: true });
    expect(renameCandidates([Renamed], [first])).toEqual([]);
  });

  it('renames a field named in the renames option, and drops and adds it without', () => {
    const first = makeMigration(undefined, [Author], []) as Migration;
    const Changed = model('author', { fullName: f.string(), born: f.int().optional() }, { schemafull: true });
    const renamed = makeMigration('full_name', [Changed], [first], { renames: [{ table: 'author', from: 'name', to: 'fullName' }] }) as Migration;
    expect(renamed.up).toEqual([op.renameField('author', 'name', 'fullName', define.field('fullName', 'author').type('string'))]);
    expect(renamed.down).toEqual([op.renameField('author', 'fullName', 'name', define.field('name', 'author').type('string'))]);
    const dropped = makeMigration('full_name', [Changed], [first]) as Migration;
    expect(dropped.up).toEqual([op.dropField('author', 'name'), op.addField(define.field('fullName', 'author').type('string'))]);
  });

  it('refuses a rename whose fields were not dropped and added, with a MigrationError', () => {
    const first = makeMigration(undefined, [Author], []) as Migration;
    const Changed = model('author', { fullName: f.string(), born: f.int().optional() }, { schemafull: true });
    expect(() => makeMigration('x', [Changed], [first], { renames: [{ table: 'author', from: 'born', to: 'fullName' }] })).toThrow(
      new MigrationError('Cannot rename author.born: it is not a field that the models dropped'),
    );
    expect(() => makeMigration('x', [Changed], [first], { renames: [{ table: 'author', from: 'name', to: 'born' }] })).toThrow(
      new MigrationError('Cannot rename author.name to born: author.born is not a field that the models added'),
    );
  });

  it('refuses .was() on a nested field rather than treating the rename as a drop and an add', () => {
    const Nested = model('author', { address: f.object({ town: f.string().was('city') }) });
    expect(() => snapshotOf([Nested])).toThrow(/author\.address\.town: \.was\(\) renames top-level fields only/);
  });

  it('drops a removed model as one REMOVE TABLE, and defines it again going down', () => {
    const first = makeMigration(undefined, [Author, Company], []) as Migration;
    const next = makeMigration('no_company', [Author], [first]) as Migration;
    expect(compileMigration(next, 'up')).toBe('REMOVE TABLE company;');
    expect(compileMigration(next, 'down').split('\n')).toEqual([
      'DEFINE TABLE company SCHEMALESS;',
      'DEFINE FIELD country ON TABLE company TYPE option<string>;',
      'DEFINE FIELD name ON TABLE company TYPE string;',
    ]);
  });

  it('makes an empty migration on request, to fill in by hand', () => {
    const first = makeMigration(undefined, [Author], []) as Migration;
    expect(makeMigration('seed', [Author], [first], { empty: true })).toEqual({ name: '0002_seed', up: [], down: [] });
  });

  it('never proposes removing the engine\'s own tables', () => {
    const withHistory = stateOf([{ up: [op.createTable(define.table('_sdb_migrations')), op.createTable(define.table('author'))] }]);
    expect(Object.keys(withHistory.entries)).toEqual(['table:author']);
    expect(diff(withHistory, snapshotOf([])).up).toEqual([op.dropTable('author')]);
  });

  it('refuses a migration name that is not letters, digits and _', () => {
    expect(() => makeMigration('add age', [Author], [])).toThrow(MigrationError);
  });
});

describe('operations', () => {
  it('compile to the DEFINE / REMOVE / REBUILD statements they hold', () => {
    const migration: Migration = {
      name: '0001_search',
      up: [
        op.analyzer(define.analyzer('words').tokenizers('blank').filters('lowercase')),
        op.addIndex(define.index('author_name_search', 'author').fields('name').fulltext('words')),
        op.rebuildIndex('author_name_search', 'author'),
        op.raw('UPDATE author SET name = string::trim(name)'),
      ],
      down: [op.dropIndex('author_name_search', 'author'), op.remove(remove.analyzer('words'))],
    };
    expect(compileMigration(migration, 'up').split('\n')).toEqual([
      'DEFINE ANALYZER words TOKENIZERS BLANK FILTERS LOWERCASE;',
      'DEFINE INDEX author_name_search ON TABLE author FIELDS name FULLTEXT ANALYZER words BM25;',
      'REBUILD INDEX author_name_search ON author;',
      'UPDATE author SET name = string::trim(name);',
    ]);
    expect(compileMigration(migration, 'down').split('\n')).toEqual(['REMOVE INDEX author_name_search ON TABLE author;', 'REMOVE ANALYZER words;']);
  });

  it('refuse a definition of the wrong kind with a MigrationError', () => {
    expect(() => op.addField(define.table('author'))).toThrow(MigrationError);
    expect(() => op.createTable({ kind: 'select' } as never)).toThrow(/op.createTable\(\) takes defineTable/);
    expect(() => op.raw('   ')).toThrow(MigrationError);
  });

  it('show a data migration as a comment in the SurrealQL listing', () => {
    const migration: Migration = { name: '0002_seed', up: [op.data(async () => {})], down: [] };
    expect(compileMigration(migration, 'up')).toBe("-- op.data(): a JavaScript function run with the migration's client");
  });
});

describe('renderMigration', () => {
  const modules = scratchModules();
  afterAll(() => modules.remove());

  /** Writes the file text as a user's migrations folder holds it and imports it back. */
  async function load(text: string): Promise<Migration> {
    return (await modules.load<{ default: Migration }>(text.replace("from '@sdb/orm/migrations'", `from ${JSON.stringify(sourceUrl('migrations/index.ts'))}`))).default;
  }

  it('writes a module that loads back to the same operations and checksum', async () => {
    const Renamed = model('person', { ...Person.fields, fullName: f.string().was('name') }, { schemafull: true });
    const first = makeMigration(undefined, [Company, Person], []) as Migration;
    const second = makeMigration('full_name', [Company, Renamed], [first]) as Migration;
    for (const migration of [first, second]) {
      const text = renderMigration(migration);
      expect(text).toContain("import { op } from '@sdb/orm/migrations';");
      const loaded = await load(text);
      expect(loaded).toEqual(migration);
      expect(await checksumOf(loaded)).toBe(await checksumOf(migration));
    }
  });

  it('writes data migrations as their function source', async () => {
    const migration: Migration = { name: '0003_seed', up: [op.data(async (client) => void (await client.query('CREATE author SET name = "Ann"')))], down: [op.raw('DELETE author')] };
    const loaded = await load(renderMigration(migration));
    expect(loaded.up[0]?.type).toBe('data');
    expect(compileMigration(loaded, 'down')).toBe('DELETE author;');
  });

  it('refuses a value it cannot write as code, naming op.raw as the way out', () => {
    const Post = model('post', { author: f.link(() => Author).default(new RecordId('author', 'ann')) });
    const migration = makeMigration(undefined, [Post], []) as Migration;
    expect(() => renderMigration(migration)).toThrow(/RecordId value .*op\.raw/);
  });
});

describe('checksums', () => {
  it('change when an operation changes, and not otherwise', async () => {
    const first = makeMigration(undefined, [Author], []) as Migration;
    const same = makeMigration(undefined, [Author], []) as Migration;
    const edited: Migration = { ...first, up: [...first.up, op.raw('UPDATE author SET name = "x"')] };
    expect(await checksumOf(same)).toBe(await checksumOf(first));
    expect(await checksumOf(edited)).not.toBe(await checksumOf(first));
    expect(await checksumOf(first)).toMatch(/^[0-9a-f]{64}$/);
  });
});
