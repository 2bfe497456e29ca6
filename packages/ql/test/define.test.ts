/**
 * DEFINE and REMOVE for every kind: compiled text checked, run on the real engine, and the
 * result read back with INFO or by using the definition.
 */
import { RecordId } from '@sdb/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestClient, type TestClient } from '../../embedded/test-support/index.ts';
import { batch, compile, create, define, eq, field, fn, gte, infoFor, param, remove, ret, run, runBatch, select, update } from '../src/index.ts';

let t: TestClient;

beforeAll(async () => {
  t = await connectTestClient('ql_define');
});

afterAll(() => t?.close());

async function dbInfo(): Promise<Record<string, Record<string, string>>> {
  return (await run(t.client, infoFor.database())) as Record<string, Record<string, string>>;
}

describe('DEFINE / REMOVE NAMESPACE and DATABASE', () => {
  it('defines and removes a namespace and a database', async () => {
    const ns = define.namespace('extra_ns').ifNotExists().comment("a 'quoted' comment");
    expect(compile(ns)).toEqual({ query: `DEFINE NAMESPACE IF NOT EXISTS extra_ns COMMENT "a 'quoted' comment";`, bindings: {} });
    await run(t.client, ns);
    expect(Object.keys(((await run(t.client, infoFor.root())) as { namespaces: object }).namespaces)).toContain('extra_ns');
    const db = define.database('extra_db').overwrite();
    expect(compile(db).query).toBe('DEFINE DATABASE OVERWRITE extra_db;');
    await run(t.client, db);
    expect(Object.keys(((await run(t.client, infoFor.namespace())) as { databases: object }).databases)).toContain('extra_db');
    await run(t.client, remove.database('extra_db'));
    expect(compile(remove.namespace('extra_ns').ifExists()).query).toBe('REMOVE NAMESPACE IF EXISTS extra_ns;');
    await run(t.client, remove.namespace('extra_ns').ifExists());
    expect(Object.keys(((await run(t.client, infoFor.root())) as { namespaces: object }).namespaces)).not.toContain('extra_ns');
  });
});

describe('DEFINE TABLE', () => {
  it('defines a SCHEMAFULL normal table with a CHANGEFEED and PERMISSIONS', async () => {
    const q = define.table('account').schemafull().type('normal').changefeed('1d', { includeOriginal: true }).permissions({ select: 'full', create: eq(param('auth'), 'admin'), delete: 'none' });
    expect(compile(q).query).toBe(
      "DEFINE TABLE account TYPE NORMAL SCHEMAFULL CHANGEFEED 1d INCLUDE ORIGINAL PERMISSIONS FOR select FULL, FOR create WHERE $auth = 'admin', FOR delete NONE;",
    );
    await run(t.client, q);
    expect((await dbInfo()).tables!.account).toContain('SCHEMAFULL');
  });

  it('defines a relation table restricted to IN/OUT tables, ENFORCED', async () => {
    const q = define.table('wrote').relation({ from: ['author'], to: ['book', 'article'], enforced: true }).schemaless();
    expect(compile(q).query).toBe('DEFINE TABLE wrote TYPE RELATION IN author OUT book | article ENFORCED SCHEMALESS;');
    await run(t.client, q);
    expect((await dbInfo()).tables!.wrote).toContain('TYPE RELATION');
  });

  it('defines a view AS SELECT, kept up to date', async () => {
    await run(t.client, define.table('sale').type('any'));
    const view = define.table('sales_by_city').as(select('sale').fields({ city: field('city'), total: fn.math.sum(field('amount')) }).groupBy('city'));
    expect(compile(view).query).toBe('DEFINE TABLE sales_by_city AS SELECT city AS city, math::sum(amount) AS total FROM sale GROUP BY city;');
    await run(t.client, view);
    await run(t.client, create('sale').set({ city: 'Paris', amount: 5 }));
    await run(t.client, create('sale').set({ city: 'Paris', amount: 7 }));
    expect(await run(t.client, select('sales_by_city').fields('city', 'total'))).toEqual([{ city: 'Paris', total: 12 }]);
  });

  it('defines a DROP table and removes tables', async () => {
    expect(compile(define.table('sink').drop()).query).toBe('DEFINE TABLE sink DROP;');
    await run(t.client, define.table('sink').drop());
    await run(t.client, remove.table('sink'));
    expect((await dbInfo()).tables).not.toHaveProperty('sink');
  });
});

describe('DEFINE FIELD', () => {
  it('types, defaults, computes and asserts fields; values are written as literals', async () => {
    const queries = batch(
      define.table('user').schemafull(),
      define.field('name', 'user').type('string').assert(gte(fn.string.len(param('value')), 2)),
      define.field('role', 'user').type('string').default("it's 'member'"),
      define.field('created', 'user').type('datetime').value(fn.time.now()).readonly(),
      define.field('tags', 'user').type('array<string>').default([]),
      define.field('meta', 'user').type('object').flexible(),
      define.field('friend', 'user').type('option<record<user>>').reference({ onDelete: 'unset' }),
      define.field('secret', 'user').type('option<string>').permissions({ select: 'none' }),
    );
    expect(queries.query).toBe(
      [
        'DEFINE TABLE user SCHEMAFULL;',
        'DEFINE FIELD name ON TABLE user TYPE string ASSERT string::len($value) >= 2;',
        `DEFINE FIELD role ON TABLE user TYPE string DEFAULT "it's 'member'";`,
        'DEFINE FIELD created ON TABLE user TYPE datetime READONLY VALUE time::now();',
        'DEFINE FIELD tags ON TABLE user TYPE array<string> DEFAULT [];',
        'DEFINE FIELD meta ON TABLE user TYPE object FLEXIBLE;',
        'DEFINE FIELD friend ON TABLE user TYPE option<record<user>> REFERENCE ON DELETE UNSET;',
        'DEFINE FIELD secret ON TABLE user TYPE option<string> PERMISSIONS FOR select NONE;',
      ].join('\n'),
    );
    expect(queries.bindings).toEqual({});
    await runBatch(t.client, queries);
    const [row] = await run(t.client, create(new RecordId('user', 'u1')).content({ name: 'Al', meta: { deep: { x: 1 } } }));
    expect(row).toMatchObject({ name: 'Al', role: "it's 'member'", tags: [], meta: { deep: { x: 1 } } });
    await expect(run(t.client, create('user').content({ name: 'A', meta: {} }))).rejects.toThrow(/string::len\(\$value\) >= 2/);
    await expect(run(t.client, update(new RecordId('user', 'u1')).set({ created: new Date(0) }))).rejects.toThrow(/readonly/i);
  });

  it('computes a field on read with COMPUTED and refreshes a default with DEFAULT ALWAYS', async () => {
    const q = batch(
      define.field('shout', 'user').computed(fn.string.uppercase(field('name'))),
      define.field('touched', 'user').type('int').default(1, { always: true }),
    );
    expect(q.query).toBe('DEFINE FIELD shout ON TABLE user COMPUTED string::uppercase(name);\nDEFINE FIELD touched ON TABLE user TYPE int DEFAULT ALWAYS 1;');
    await runBatch(t.client, q);
    expect(await run(t.client, select(new RecordId('user', 'u1')).only().fields('shout'))).toEqual({ shout: 'AL' });
    const [row] = await run(t.client, update(new RecordId('user', 'u1')).set({ touched: undefined }));
    expect(row).toMatchObject({ touched: 1 });
  });

  it('refuses a type that hides another clause, and quotes table names inside record<...>', () => {
    expect(() => define.field('x', 'user').type('string PERMISSIONS NONE')).toThrow(/Not a SurrealQL type/);
    expect(() => define.field('x', 'user').type("string; REMOVE TABLE user")).toThrow(/Not a SurrealQL type/);
    expect(() => define.field('x', 'user').type('array<string')).toThrow(/Not a SurrealQL type/);
    expect(compile(define.field('x', 'user').type('option<record<user|my org>>')).query).toBe('DEFINE FIELD x ON TABLE user TYPE option<record<user | `my org`>>;');
  });

  it('removes a field', async () => {
    expect(compile(remove.field('secret', 'user')).query).toBe('REMOVE FIELD secret ON TABLE user;');
    await run(t.client, remove.field('secret', 'user'));
    expect(((await run(t.client, infoFor.table('user'))) as { fields: object }).fields).not.toHaveProperty('secret');
  });
});

describe('DEFINE INDEX', () => {
  it('defines UNIQUE, COUNT, FULLTEXT and HNSW indexes', async () => {
    const q = batch(
      define.index('user_name', 'user').fields('name').unique(),
      define.index('user_count', 'user').count(),
      define.analyzer('english').tokenizers('blank', 'class').filters('lowercase', 'snowball(english)'),
      define.index('doc_body', 'doc').fields('body').fulltext('english', { bm25: [1.2, 0.75], highlights: true }),
      define.index('doc_vec', 'doc').fields('embedding').hnsw({ dimension: 3, distance: 'cosine', type: 'f32', efc: 150, m: 12 }),
    );
    expect(q.query).toBe(
      [
        'DEFINE INDEX user_name ON TABLE user FIELDS name UNIQUE;',
        'DEFINE INDEX user_count ON TABLE user COUNT;',
        'DEFINE ANALYZER english TOKENIZERS BLANK,CLASS FILTERS LOWERCASE,SNOWBALL(ENGLISH);',
        'DEFINE INDEX doc_body ON TABLE doc FIELDS body FULLTEXT ANALYZER english BM25(1.2,0.75) HIGHLIGHTS;',
        'DEFINE INDEX doc_vec ON TABLE doc FIELDS embedding HNSW DIMENSION 3 DIST COSINE TYPE F32 EFC 150 M 12;',
      ].join('\n'),
    );
    await runBatch(t.client, q);
    await expect(run(t.client, create('user').content({ name: 'Al', meta: {} }))).rejects.toThrow(/already contains/i);
    const indexes = ((await run(t.client, infoFor.table('doc'))) as { indexes: Record<string, string> }).indexes;
    expect(Object.keys(indexes).sort()).toEqual(['doc_body', 'doc_vec']);
    await run(t.client, remove.index('doc_vec', 'doc'));
    await run(t.client, remove.analyzer('unused').ifExists());
  });
});

describe('DEFINE EVENT', () => {
  it('runs its THEN block when the WHEN condition holds', async () => {
    const q = define
      .event('audit', 'account')
      .when(eq(param('event'), 'CREATE'))
      .then([create('audit_log').set({ what: param('event'), note: 'created; --not a comment' })]);
    expect(compile(q).query).toBe(
      "DEFINE EVENT audit ON TABLE account WHEN $event = 'CREATE' THEN { CREATE audit_log SET what = $event, note = 'created; --not a comment'; };",
    );
    await run(t.client, q);
    await run(t.client, define.field('n', 'account').type('int'));
    await run(t.client, create('account').set({ n: 1 }));
    expect(await run(t.client, select('audit_log').fields('what', 'note'))).toEqual([{ what: 'CREATE', note: 'created; --not a comment' }]);
    await run(t.client, remove.event('audit', 'account'));
  });
});

describe('DEFINE ACCESS and USER', () => {
  it('defines JWT, RECORD and BEARER access methods and a database user', async () => {
    const q = batch(
      define.access('api', 'database').jwt({ algorithm: 'HS512', key: "s3cr3t'key" }).duration({ session: '1h' }),
      define.access('members', 'database').record({
        signin: select('user').where(eq('name', param('name'))),
        signup: create('user').set({ name: param('name') }),
      }),
      define.access('keys', 'database').bearer('user'),
      define.user('reporter', 'database').password('pa"ss\'word').roles('viewer').duration({ token: '15m' }),
    );
    expect(q.query).toBe(
      [
        `DEFINE ACCESS api ON DATABASE TYPE JWT ALGORITHM HS512 KEY "s3cr3t'key" DURATION FOR SESSION 1h;`,
        'DEFINE ACCESS members ON DATABASE TYPE RECORD SIGNUP (CREATE user SET name = $name) SIGNIN (SELECT * FROM user WHERE name = $name);',
        'DEFINE ACCESS keys ON DATABASE TYPE BEARER FOR USER;',
        `DEFINE USER reporter ON DATABASE PASSWORD "pa\\"ss'word" ROLES VIEWER DURATION FOR TOKEN 15m;`,
      ].join('\n'),
    );
    await runBatch(t.client, q);
    const info = await dbInfo();
    expect(Object.keys(info.accesses!).sort()).toEqual(['api', 'keys', 'members']);
    expect(info.users!.reporter).toContain('ROLES VIEWER');
    await runBatch(t.client, batch(remove.access('keys', 'database'), remove.user('reporter', 'database')));
    expect((await dbInfo()).users).not.toHaveProperty('reporter');
  });

  it('defines a RECORD access WITH REFRESH, also with WITH JWT (REFRESH first), that the engine keeps as refreshable', async () => {
    const q = batch(
      define.access('renewable', 'database').record({ signin: select('user').where(eq('name', param('name'))), refresh: true }).duration({ token: '15m', session: '12h' }),
      define.access('signed', 'database').record({ signin: select('user').where(eq('name', param('name'))), jwt: { algorithm: 'HS256', key: 'k3y' }, refresh: true }),
    );
    expect(q.query).toBe(
      [
        'DEFINE ACCESS renewable ON DATABASE TYPE RECORD SIGNIN (SELECT * FROM user WHERE name = $name) WITH REFRESH DURATION FOR TOKEN 15m, FOR SESSION 12h;',
        "DEFINE ACCESS signed ON DATABASE TYPE RECORD SIGNIN (SELECT * FROM user WHERE name = $name) WITH REFRESH WITH JWT ALGORITHM HS256 KEY 'k3y';",
      ].join('\n'),
    );
    await runBatch(t.client, q);
    const info = await dbInfo();
    expect(info.accesses!.renewable).toContain('WITH REFRESH');
    expect(info.accesses!.signed).toContain('WITH REFRESH');
    await runBatch(t.client, batch(remove.access('renewable', 'database'), remove.access('signed', 'database')));
  });
});

describe('DEFINE PARAM, FUNCTION and SEQUENCE', () => {
  it('defines a global param with a literal value', async () => {
    const q = define.param('greeting').value({ text: 'hi $there', n: 2 });
    expect(compile(q).query).toBe("DEFINE PARAM $greeting VALUE { n: 2, text: 'hi $there' };");
    await run(t.client, q);
    expect(await run(t.client, ret(param('greeting')))).toEqual({ text: 'hi $there', n: 2 });
    expect(compile(remove.param('greeting')).query).toBe('REMOVE PARAM $greeting;');
    await run(t.client, remove.param('greeting'));
  });

  it('defines a function with typed arguments and calls it', async () => {
    const q = define.function('greet', [['name', 'string']], (name) => ret(fn.string.concat('Hello, ', name)), { returns: 'string' });
    expect(compile(q).query).toBe("DEFINE FUNCTION fn::greet($name: string) -> string { RETURN string::concat('Hello, ', $name); };");
    await run(t.client, q);
    expect((await t.client.queryAll('RETURN fn::greet($n)', { n: 'Ann' }))[0]).toBe('Hello, Ann');
    await run(t.client, remove.function('greet'));
    expect((await dbInfo()).functions).not.toHaveProperty('greet');
  });

  it('defines a sequence and draws numbers from it', async () => {
    const q = define.sequence('ticket').batch(10).start(100);
    expect(compile(q).query).toBe('DEFINE SEQUENCE ticket BATCH 10 START 100;');
    await run(t.client, q);
    expect(await run(t.client, ret(fn.sequence.nextval('ticket')))).toBe(100);
    expect(await run(t.client, ret(fn.sequence.nextval('ticket')))).toBe(101);
    await run(t.client, remove.sequence('ticket'));
  });
});

describe('clauses new with structured nodes', () => {
  it('runs REFERENCE ON DELETE THEN, an analyzer FUNCTION, ACCESS AUTHENTICATE and a sequence TIMEOUT', async () => {
    const q = batch(
      define.field('boss', 'user').type('option<record<user>>').reference({ onDelete: create('audit_log').set({ what: 'boss gone' }) }),
      define.function('clean', [['text', 'string']], (text) => ret(fn.string.trim(text))),
      define.analyzer('trimmed').function('fn::clean').tokenizers('blank'),
      define.access('checked', 'database').record({ signin: select('user').where(eq('name', param('name'))) }).authenticate(param('auth')),
      define.sequence('slow').timeout('3s'),
    );
    expect(q.query).toBe(
      [
        'DEFINE FIELD boss ON TABLE user TYPE option<record<user>> REFERENCE ON DELETE THEN (CREATE audit_log SET what = \'boss gone\');',
        'DEFINE FUNCTION fn::clean($text: string) { RETURN string::trim($text); };',
        'DEFINE ANALYZER trimmed FUNCTION fn::clean TOKENIZERS BLANK;',
        'DEFINE ACCESS checked ON DATABASE TYPE RECORD SIGNIN (SELECT * FROM user WHERE name = $name) AUTHENTICATE $auth;',
        'DEFINE SEQUENCE slow TIMEOUT 3s;',
      ].join('\n'),
    );
    await runBatch(t.client, q);
    const info = await dbInfo();
    expect(((await run(t.client, infoFor.table('user'))) as { fields: Record<string, string> }).fields.boss).toContain('REFERENCE ON DELETE THEN');
    expect(info.analyzers!.trimmed).toContain('FUNCTION fn::clean');
    expect(info.accesses!.checked).toContain('AUTHENTICATE $auth');
    expect(Object.keys(info.sequences!)).toContain('slow');
  });
});
