/**
 * The DEFINE clause parts a declaration stores (permissions, CHANGEFEED, REFERENCE, FULLTEXT and
 * HNSW specs, analyzers, the access method) are made by ql's clause functions when the field or
 * model is declared: a bad one is refused right there with ql's `QueryBuildError`, and a good one
 * is the very part ql's DEFINE builders would make, so pushSchema prints what it always printed.
 */
import { describe, expect, it } from 'vitest';
import { define, eq, field, param, QueryBuildError, select } from '@sdb/ql';
import { f, model } from '../src/index.ts';

describe('a bad clause is refused when it is declared', () => {
  it('table permissions with an unknown action', () => {
    expect(() => model('doc', { title: f.string() }, { permissions: { drop: 'none' } as never })).toThrow(QueryBuildError);
  });

  it('a changefeed expiry that is not a duration', () => {
    expect(() => model('doc', { title: f.string() }, { changefeed: 'three days' })).toThrow(QueryBuildError);
  });

  it('a reference with an unknown ON DELETE action', () => {
    const Company = model('company', { name: f.string() });
    expect(() => f.link(() => Company).reference({ onDelete: 'explode' as never })).toThrow(QueryBuildError);
  });

  it('an access duration other than grant, token and session', () => {
    const access = { name: 'account', identity: 'email', password: 'password', duration: { forever: '1y' } as never } as const;
    expect(() => model('user', { email: f.string(), password: f.string() }, { access })).toThrow(QueryBuildError);
  });
});

describe('a declared clause is the part ql\'s DEFINE builder makes', () => {
  const owner = eq(field('owner'), param('auth'));

  it('table PERMISSIONS and CHANGEFEED', () => {
    const Doc = model('doc', { title: f.string() }, { permissions: { select: 'full', update: owner }, changefeed: { expiry: '3d', includeOriginal: true } });
    const { permissions, changefeed } = define.table('doc').permissions({ select: 'full', update: owner }).changefeed('3d', { includeOriginal: true }).node;
    expect(Doc.tableClauses).toStrictEqual({ permissions, changefeed });
  });

  it('an analyzer', () => {
    const Doc = model('doc', { body: f.string() }, { analyzers: { words: { function: 'fn::clean', tokenizers: ['blank', 'class'], filters: ['lowercase', 'snowball(english)'] } } });
    const built = define.analyzer('words').overwrite().function('fn::clean').tokenizers('blank', 'class').filters('lowercase', 'snowball(english)');
    expect(Doc.analyzers).toStrictEqual([built.node]);
  });

  it('field PERMISSIONS, REFERENCE, FULLTEXT and HNSW', () => {
    const Company = model('company', { name: f.string() });
    expect(f.string().permissions({ update: owner }).config.permissions).toStrictEqual(define.field('x', 't').permissions({ update: owner }).node.permissions);
    expect(f.link(() => Company).reference({ onDelete: 'cascade' }).config.reference).toStrictEqual(define.field('x', 't').reference({ onDelete: 'cascade' }).node.reference);
    expect(f.string().fulltext({ analyzer: 'words', bm25: [1.2, 0.75], highlights: true }).config.fulltext).toStrictEqual(define.index('i', 't').fulltext('words', { bm25: [1.2, 0.75], highlights: true }).node.fulltext);
    expect(f.vector(3).hnsw({ distance: 'cosine', type: 'f32' }).config.hnsw).toStrictEqual(define.index('i', 't').hnsw({ dimension: 3, distance: 'cosine', type: 'f32' }).node.hnsw);
  });

  it('a record access method with its durations', () => {
    const signin = select('user').where(eq(field('email'), param('email')));
    const User = model('user', { email: f.string() }, { access: { name: 'account', signin, refresh: true, duration: { token: '15m', session: '12h' } } });
    const built = define.access('account', 'database').overwrite().record({ signin, refresh: true }).duration({ token: '15m', session: '12h' });
    expect(User.access?.node).toStrictEqual(built.node);
  });
});
