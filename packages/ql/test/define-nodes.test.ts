/**
 * DEFINE and REMOVE as plain-data nodes: the builders fill named properties, a node made by hand
 * (as the ORM's migrations will) runs on the real engine, and INFO FOR DB/TABLE shows the engine
 * stored exactly that definition. Bad hand-made nodes are refused before anything is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestClient, type TestClient } from '../../embedded/test-support/index.ts';
import {
  compile,
  create,
  define,
  eq,
  field,
  fn,
  gte,
  infoFor,
  param,
  parseType,
  QueryBuildError,
  remove,
  ret,
  run,
  select,
  DefineStatement,
  RemoveStatement,
  type DefineAccessNode,
  type DefineAnalyzerNode,
  type DefineEventNode,
  type DefineFieldNode,
  type DefineFunctionNode,
  type DefineIndexNode,
  type DefineNode,
  type DefineParamNode,
  type DefineSequenceNode,
  type DefineTableNode,
  type DefineUserNode,
  type RemoveNode,
} from '../src/index.ts';

let t: TestClient;

beforeAll(async () => {
  t = await connectTestClient('ql_define_nodes');
});

afterAll(() => t?.close());

type Info = Record<string, Record<string, string>>;
const dbInfo = async () => (await run(t.client, infoFor.database())) as Info;
const tableInfo = async (name: string) => (await run(t.client, infoFor.table(name))) as Info;
const execute = (node: DefineNode | RemoveNode) => run(t.client, node.kind === 'remove' ? new RemoveStatement(node) : new DefineStatement(node));
const value = (v: unknown) => ({ kind: 'value', value: v });

describe('builders fill plain-data nodes', () => {
  it('gives the same node whatever the order of the builder calls, with unset clauses absent', () => {
    const a = define.table('doc').comment('docs').schemafull().permissions('none');
    const b = define.table('doc').permissions('none').schemafull().comment('docs');
    expect(a.node).toStrictEqual(b.node);
    expect(a.node).toStrictEqual({ kind: 'defineTable', name: 'doc', schemafull: true, comment: 'docs', permissions: 'NONE' });
  });

  it('replaces a clause set twice, and clears the other index kinds', () => {
    const q = define.index('i', 'doc').fields('a').unique().hnsw({ dimension: 4, distance: 'cosine' });
    expect(q.node).toStrictEqual({ kind: 'defineIndex', name: 'i', table: 'doc', fields: [field('a').node], hnsw: { dimension: 4, distance: 'COSINE' } });
  });

  it('parses a field type into a tree, with table names and sizes as data', () => {
    expect(define.field('owner', 'doc').type('option<record<person | org>>').node.type).toStrictEqual({ name: 'option', of: { name: 'record', tables: ['person', 'org'] } });
    expect(parseType('array<int | float, 3>')).toStrictEqual({ name: 'array', of: { name: 'union', of: [{ name: 'int' }, { name: 'float' }] }, size: 3 });
  });

  it('reads the types INFO FOR TABLE prints with the same parser', () => {
    expect(parseType('none | record<user | org>')).toStrictEqual({ name: 'union', of: [{ name: 'none' }, { name: 'record', tables: ['user', 'org'] }] });
  });

  it('reads a table name INFO prints quoted as the name itself', () => {
    expect(parseType('set<record<`order-line` | `a\\`b`>, 3>')).toStrictEqual({ name: 'set', of: { name: 'record', tables: ['order-line', 'a`b'] }, size: 3 });
  });
});

describe('hand-made DEFINE nodes run on the engine', () => {
  it('defines a table from a defineTable node', async () => {
    const node: DefineTableNode = {
      kind: 'defineTable',
      name: 'ledger',
      type: 'NORMAL',
      schemafull: true,
      comment: 'money',
      changefeed: { expiry: '3d', includeOriginal: true },
      permissions: { select: 'FULL', create: eq(param('auth'), 'admin').node, update: 'NONE', delete: 'NONE' },
    };
    await execute(node);
    expect((await dbInfo()).tables!.ledger).toBe(
      "DEFINE TABLE ledger TYPE NORMAL SCHEMAFULL COMMENT 'money' CHANGEFEED 3d INCLUDE ORIGINAL PERMISSIONS FOR select FULL, FOR create WHERE $auth = 'admin', FOR update, delete NONE",
    );
  });

  it('defines a relation table and a view', async () => {
    await execute({ kind: 'defineTable', name: 'likes', type: 'RELATION', relation: { in: ['person'], out: ['post', 'comment'], enforced: true }, schemafull: false });
    await execute({ kind: 'defineTable', name: 'like_count', view: select('likes').fields({ n: fn.count() }).groupAll().node });
    const tables = (await dbInfo()).tables!;
    expect(tables.likes).toBe('DEFINE TABLE likes TYPE RELATION IN person OUT post | comment ENFORCED SCHEMALESS PERMISSIONS NONE');
    expect(tables.like_count).toBe('DEFINE TABLE like_count TYPE ANY SCHEMALESS AS SELECT count() AS n FROM likes GROUP ALL PERMISSIONS NONE');
  });

  it('defines fields from defineField nodes: type tree, default, value, assert, reference, computed', async () => {
    const nodes: DefineFieldNode[] = [
      {
        kind: 'defineField',
        name: field('score').node,
        table: 'ledger',
        type: { name: 'int' },
        default: { value: value(0), always: true },
        readonly: true,
        value: fn.math.max([param('value'), 0]).node,
        assert: gte(param('value'), 0).node,
        comment: 'points',
      },
      { kind: 'defineField', name: field('owner').node, table: 'ledger', type: { name: 'option', of: { name: 'record', tables: ['person', 'org'] } }, reference: { onDelete: 'UNSET' }, permissions: { select: 'FULL', update: 'NONE' } },
      { kind: 'defineField', name: field('meta').node, table: 'ledger', type: { name: 'object' }, flexible: true },
      { kind: 'defineField', name: field('label').node, table: 'ledger', computed: fn.string.uppercase(field('title')).node },
    ];
    for (const node of nodes) await execute(node);
    const fields = (await tableInfo('ledger')).fields!;
    expect(fields.score).toBe("DEFINE FIELD score ON ledger TYPE int DEFAULT ALWAYS 0 READONLY VALUE math::max([$value, 0]) ASSERT $value >= 0 COMMENT 'points' PERMISSIONS FULL");
    expect(fields.owner).toBe('DEFINE FIELD owner ON ledger TYPE none | record<person | org> REFERENCE ON DELETE UNSET PERMISSIONS FOR select, create FULL, FOR update NONE');
    expect(fields.meta).toBe('DEFINE FIELD meta ON ledger TYPE object FLEXIBLE PERMISSIONS FULL');
    expect(fields.label).toBe('DEFINE FIELD label ON ledger COMPUTED string::uppercase(title) PERMISSIONS FULL');
  });

  it('defines an analyzer and UNIQUE, COUNT, FULLTEXT and HNSW indexes', async () => {
    const analyzer: DefineAnalyzerNode = {
      kind: 'defineAnalyzer',
      name: 'words',
      tokenizers: ['BLANK', 'CLASS'],
      filters: [{ name: 'LOWERCASE' }, { name: 'EDGENGRAM', min: 2, max: 8 }, { name: 'SNOWBALL', language: 'ENGLISH' }],
      comment: 'search',
    };
    const indexes: DefineIndexNode[] = [
      { kind: 'defineIndex', name: 'by_owner', table: 'ledger', fields: [field('owner').node], unique: true, comment: 'one each' },
      { kind: 'defineIndex', name: 'rows', table: 'ledger', count: true },
      { kind: 'defineIndex', name: 'text', table: 'notes', fields: [field('note').node], fulltext: { analyzer: 'words', bm25: { k1: 1.5, b: 0.5 }, highlights: true } },
      { kind: 'defineIndex', name: 'vec', table: 'notes', fields: [field('embedding').node], hnsw: { dimension: 4, distance: 'MANHATTAN', type: 'F64', efc: 100, m: 8 } },
    ];
    await execute(analyzer);
    await execute({ kind: 'defineTable', name: 'notes' });
    for (const node of indexes) await execute(node);
    expect((await dbInfo()).analyzers!.words).toBe("DEFINE ANALYZER words TOKENIZERS BLANK,CLASS FILTERS LOWERCASE, EDGENGRAM(2,8), SNOWBALL(ENGLISH) COMMENT 'search'");
    const stored = { ...(await tableInfo('ledger')).indexes, ...(await tableInfo('notes')).indexes };
    expect(stored.by_owner).toBe("DEFINE INDEX by_owner ON ledger FIELDS owner UNIQUE COMMENT 'one each'");
    expect(stored.rows).toBe('DEFINE INDEX rows ON ledger COUNT');
    expect(stored.text).toBe('DEFINE INDEX text ON notes FIELDS note FULLTEXT ANALYZER words BM25(1.5,0.5) HIGHLIGHTS');
    expect(stored.vec).toMatch(/^DEFINE INDEX vec ON notes FIELDS embedding HNSW DIMENSION 4 DIST MANHATTAN TYPE F64 EFC 100 M 8 /);
  });

  it('defines an event whose THEN block runs', async () => {
    const node: DefineEventNode = {
      kind: 'defineEvent',
      name: 'on_create',
      table: 'notes',
      when: eq(param('event'), 'CREATE').node,
      then: { kind: 'block', items: [create('audit').set({ what: param('event') }).node] },
      comment: 'audit',
    };
    await execute(node);
    expect((await tableInfo('notes')).events!.on_create).toBe("DEFINE EVENT on_create ON notes WHEN $event = 'CREATE' THEN { CREATE audit SET what = $event } COMMENT 'audit'");
    await run(t.client, create('notes').set({ note: 'hello' }));
    expect(await run(t.client, select('audit').fields('what'))).toEqual([{ what: 'CREATE' }]);
  });

  it('defines JWT, RECORD and BEARER access methods', async () => {
    const nodes: DefineAccessNode[] = [
      { kind: 'defineAccess', name: 'tokens', on: 'DATABASE', method: { type: 'JWT', algorithm: 'HS256', key: 'k' }, duration: { session: '2h' }, comment: 'api' },
      {
        kind: 'defineAccess',
        name: 'people',
        on: 'DATABASE',
        method: { type: 'RECORD', signin: select('person').where(eq('email', param('email'))).node, jwt: { algorithm: 'HS384', key: 'k2' } },
        authenticate: param('auth').node,
        duration: { token: '10m', session: '1d' },
      },
      { kind: 'defineAccess', name: 'keys', on: 'DATABASE', method: { type: 'BEARER', for: 'RECORD' }, duration: { grant: '1w' } },
    ];
    for (const node of nodes) await execute(node);
    const accesses = (await dbInfo()).accesses!;
    expect(accesses.tokens).toBe("DEFINE ACCESS tokens ON DATABASE TYPE JWT ALGORITHM HS256 KEY '[REDACTED]' WITH ISSUER KEY '[REDACTED]' DURATION FOR TOKEN 1h, FOR SESSION 2h COMMENT 'api'");
    expect(accesses.people).toBe(
      "DEFINE ACCESS people ON DATABASE TYPE RECORD SIGNIN (SELECT * FROM person WHERE email = $email) WITH JWT ALGORITHM HS384 KEY '[REDACTED]' WITH ISSUER KEY '[REDACTED]' AUTHENTICATE $auth DURATION FOR TOKEN 10m, FOR SESSION 1d",
    );
    expect(accesses.keys).toMatch(/^DEFINE ACCESS keys ON DATABASE TYPE BEARER FOR RECORD .*DURATION FOR GRANT 1w,/);
  });

  it('defines a user with a password hash and roles', async () => {
    const hash = '$argon2id$v=19$m=19456,t=2,p=1$LzUNCFheyXXeUapHQbLvuw$fvjS4u2mS9x9foDUdcKeH/LdAH5jGINU7bxKjOInlZs';
    const node: DefineUserNode = { kind: 'defineUser', name: 'auditor', on: 'DATABASE', passhash: hash, roles: ['VIEWER', 'EDITOR'], duration: { token: '5m' }, comment: 'reads' };
    await execute(node);
    expect((await dbInfo()).users!.auditor).toBe(`DEFINE USER auditor ON DATABASE PASSHASH '${hash}' ROLES VIEWER, EDITOR DURATION FOR TOKEN 5m, FOR SESSION NONE COMMENT 'reads'`);
  });

  it('defines a param, a function and a sequence', async () => {
    const paramNode: DefineParamNode = { kind: 'defineParam', name: 'limits', value: value({ max: 10 }), comment: 'caps', permissions: 'FULL' };
    const functionNode: DefineFunctionNode = {
      kind: 'defineFunction',
      name: 'ledger::double',
      args: [{ name: 'n', type: { name: 'option', of: { name: 'int' } } }],
      returns: { name: 'int' },
      body: { kind: 'block', items: [ret(fn.math.sum([param('n'), param('n')])).node] },
      comment: 'x2',
      permissions: 'FULL',
    };
    const sequenceNode: DefineSequenceNode = { kind: 'defineSequence', name: 'invoice', batch: 5, start: -3, timeout: '2s' };
    for (const node of [paramNode, functionNode, sequenceNode]) await execute(node);
    const info = await dbInfo();
    expect(info.params!.limits).toBe("DEFINE PARAM $limits VALUE { max: 10 } COMMENT 'caps' PERMISSIONS FULL");
    expect(info.functions!['ledger::double']).toBe("DEFINE FUNCTION fn::ledger::double($n: none | int) -> int { RETURN math::sum([$n, $n]) } COMMENT 'x2' PERMISSIONS FULL");
    expect(Object.keys(info.sequences!)).toEqual(['invoice']);
    expect((await t.client.queryAll('RETURN fn::ledger::double(4)'))[0]).toBe(8);
    expect(await run(t.client, ret(fn.sequence.nextval('invoice')))).toBe(-3);
  });

  it('defines a database and a namespace with IF NOT EXISTS', async () => {
    await execute({ kind: 'defineDatabase', name: 'archive', mode: 'IF NOT EXISTS', comment: 'old' });
    await execute({ kind: 'defineDatabase', name: 'archive', mode: 'IF NOT EXISTS', comment: 'ignored' });
    expect(((await run(t.client, infoFor.namespace())) as Info).databases!.archive).toBe("DEFINE DATABASE archive COMMENT 'old'");
    await execute({ kind: 'defineNamespace', name: 'elsewhere', comment: 'n' });
    expect(((await run(t.client, infoFor.root())) as Info).namespaces!.elsewhere).toBe("DEFINE NAMESPACE elsewhere COMMENT 'n'");
  });
});

describe('hand-made REMOVE nodes', () => {
  it('removes a field by its path, an index and an event on a table', async () => {
    const nodes: RemoveNode[] = [
      { kind: 'remove', what: 'FIELD', name: field('meta').node, table: 'ledger' },
      { kind: 'remove', what: 'INDEX', name: 'rows', table: 'ledger' },
      { kind: 'remove', what: 'EVENT', name: 'on_create', table: 'notes', ifExists: true },
    ];
    for (const node of nodes) await execute(node);
    const info = await tableInfo('ledger');
    expect(Object.keys(info.fields!)).not.toContain('meta');
    expect(Object.keys(info.indexes!)).not.toContain('rows');
    expect((await tableInfo('notes')).events).toEqual({});
  });

  it('removes database-level definitions by name, a function without fn:: and a param without $', async () => {
    const nodes: RemoveNode[] = [
      { kind: 'remove', what: 'FUNCTION', name: 'ledger::double' },
      { kind: 'remove', what: 'PARAM', name: 'limits' },
      { kind: 'remove', what: 'SEQUENCE', name: 'invoice' },
      { kind: 'remove', what: 'ACCESS', name: 'keys', on: 'DATABASE' },
      { kind: 'remove', what: 'USER', name: 'auditor', on: 'DATABASE' },
      { kind: 'remove', what: 'TABLE', name: 'like_count' },
      { kind: 'remove', what: 'ANALYZER', name: 'nothing', ifExists: true },
      { kind: 'remove', what: 'DATABASE', name: 'archive' },
      { kind: 'remove', what: 'NAMESPACE', name: 'elsewhere' },
    ];
    expect(compile(new RemoveStatement(nodes[0] as RemoveNode)).query).toBe('REMOVE FUNCTION fn::ledger::double;');
    for (const node of nodes) await execute(node);
    const info = await dbInfo();
    expect([info.functions, info.params, info.sequences, info.users]).toEqual([{}, {}, {}, {}]);
    expect(Object.keys(info.accesses!)).not.toContain('keys');
    expect(Object.keys(info.tables!)).not.toContain('like_count');
  });

  it('builds the same remove node as the builder', () => {
    expect(remove.field('address.city', 'person').ifExists().node).toStrictEqual({ kind: 'remove', what: 'FIELD', name: field('address.city').node, table: 'person', ifExists: true });
    expect(remove.function('fn::greet').node).toStrictEqual({ kind: 'remove', what: 'FUNCTION', name: 'greet' });
  });
});

describe('bad hand-made nodes are refused before anything is sent', () => {
  const refused = (node: unknown) => expect(() => compile(new DefineStatement(node as DefineNode))).toThrow(QueryBuildError);

  it('refuses a keyword that is not on its list', () => {
    refused({ kind: 'defineIndex', name: 'v', table: 't', hnsw: { dimension: 3, distance: 'COSINE; REMOVE TABLE t' } });
    refused({ kind: 'defineTable', name: 't', type: 'NORMAL; REMOVE TABLE t' });
    refused({ kind: 'defineUser', name: 'u', on: 'DATABASE', roles: ['OWNER ON ROOT'] });
    refused({ kind: 'defineTable', name: 't', mode: 'OVERWRITE; REMOVE TABLE t' });
  });

  it('refuses a type name SurrealQL does not have, and a bad duration', () => {
    refused({ kind: 'defineField', name: field('x').node, table: 't', type: { name: 'string PERMISSIONS NONE' } });
    refused({ kind: 'defineTable', name: 't', changefeed: { expiry: '1d; REMOVE TABLE t' } });
  });

  it('refuses contradictions: two index kinds, a password and a hash, a relation on a normal table', () => {
    refused({ kind: 'defineIndex', name: 'i', table: 't', unique: true, count: true });
    refused({ kind: 'defineUser', name: 'u', on: 'ROOT', password: 'a', passhash: 'b' });
    refused({ kind: 'defineTable', name: 't', type: 'NORMAL', relation: { in: ['a'] } });
  });

  it('quotes names, so a name cannot end the statement', () => {
    expect(compile(new DefineStatement({ kind: 'defineTable', name: 't; REMOVE TABLE x' } as DefineNode)).query).toBe('DEFINE TABLE `t; REMOVE TABLE x`;');
  });
});
