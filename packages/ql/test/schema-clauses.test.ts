/**
 * The clause parts of DEFINE nodes as plain functions (what the ORM stores when a model is
 * declared, and what the builders fill their nodes with): each gives the node part with its
 * keywords upper-case and absent options absent, and refuses a bad option with a
 * `QueryBuildError` before any statement exists. Their bundle carries no builder or printer.
 */
import { describe, expect, it } from 'vitest';
import { bundledSources } from '../../embedded/test-support/browser-bundle.ts';
import {
  accessDurations,
  analyzerParts,
  changefeedNode,
  eq,
  field,
  fulltextNode,
  hnswNode,
  param,
  permissionsNode,
  QueryBuildError,
  recordAccess,
  referenceNode,
  select,
} from '../src/index.ts';

/** `attempt` throws a QueryBuildError whose message is exactly `message`. */
function refused(attempt: () => unknown, message: string): void {
  let error: unknown;
  try {
    attempt();
  } catch (thrown) {
    error = thrown;
  }
  expect(error).toBeInstanceOf(QueryBuildError);
  expect((error as Error).message).toBe(message);
}

describe('permissionsNode', () => {
  it('gives FULL or NONE, or one rule per action with conditions as expression nodes', () => {
    const owner = eq(field('owner'), param('auth'));
    expect(permissionsNode('none')).toBe('NONE');
    expect(permissionsNode({ select: 'full', update: owner })).toStrictEqual({ select: 'FULL', update: owner.node });
  });

  it('refuses an unknown action or rule', () => {
    refused(() => permissionsNode({ drop: 'none' } as never), 'Unknown permission action drop');
    expect(() => permissionsNode({ select: 'some' } as never)).toThrow(QueryBuildError);
  });
});

describe('index specs', () => {
  it('fulltextNode scores with BM25 unless told not to, and keeps (k1, b) and HIGHLIGHTS when given', () => {
    expect(fulltextNode('english')).toStrictEqual({ analyzer: 'english', bm25: true });
    expect(fulltextNode('english', { bm25: false })).toStrictEqual({ analyzer: 'english' });
    expect(fulltextNode('english', { bm25: [1.2, 0.75], highlights: true })).toStrictEqual({ analyzer: 'english', bm25: { k1: 1.2, b: 0.75 }, highlights: true });
  });

  it('fulltextNode refuses BM25 parameters that are not numbers', () => {
    refused(() => fulltextNode('english', { bm25: ['a', 'b'] as never }), 'BM25 parameters must be numbers');
  });

  it('hnswNode upper-cases the distance and vector type and leaves unset options absent', () => {
    expect(hnswNode({ dimension: 3 })).toStrictEqual({ dimension: 3 });
    expect(hnswNode({ dimension: 3, distance: 'cosine', type: 'f32', efc: 150, m: 12 })).toStrictEqual({ dimension: 3, distance: 'COSINE', type: 'F32', efc: 150, m: 12 });
  });

  it('hnswNode refuses an unknown distance and a dimension that is not a non-negative integer', () => {
    refused(() => hnswNode({ dimension: 3, distance: 'nearest' }), 'Unknown distance nearest');
    expect(() => hnswNode({ dimension: 2.5 })).toThrow(QueryBuildError);
  });
});

describe('field and table parts', () => {
  it('referenceNode upper-cases the ON DELETE action, keeps a THEN expression as its node, and is empty without one', () => {
    const then = select('audit');
    expect(referenceNode()).toStrictEqual({});
    expect(referenceNode({ onDelete: 'cascade' })).toStrictEqual({ onDelete: 'CASCADE' });
    expect(referenceNode({ onDelete: then })).toStrictEqual({ onDelete: then.node });
  });

  it('referenceNode refuses an unknown action', () => {
    refused(() => referenceNode({ onDelete: 'explode' as never }), 'Unknown ON DELETE action explode');
  });

  it('changefeedNode keeps the expiry and INCLUDE ORIGINAL only when asked, and refuses what is not a duration', () => {
    expect(changefeedNode('3d')).toStrictEqual({ expiry: '3d' });
    expect(changefeedNode('1h30m', { includeOriginal: true })).toStrictEqual({ expiry: '1h30m', includeOriginal: true });
    expect(() => changefeedNode('three days')).toThrow(QueryBuildError);
  });
});

describe('analyzerParts', () => {
  it('parses tokenizers and filters and strips fn:: from the function, leaving parts not given absent', () => {
    expect(analyzerParts({ tokenizers: ['blank', 'class'], filters: ['lowercase', 'edgengram(2, 8)', 'snowball(english)'] })).toStrictEqual({
      tokenizers: ['BLANK', 'CLASS'],
      filters: [{ name: 'LOWERCASE' }, { name: 'EDGENGRAM', min: 2, max: 8 }, { name: 'SNOWBALL', language: 'ENGLISH' }],
    });
    expect(analyzerParts({ function: 'fn::clean' })).toStrictEqual({ function: 'clean' });
  });

  it('refuses an unknown tokenizer or filter and a function name that is not one', () => {
    refused(() => analyzerParts({ tokenizers: ['words'] }), 'Unknown tokenizer words');
    refused(() => analyzerParts({ filters: ['stemming'] }), 'Unknown analyzer filter stemming');
    expect(() => analyzerParts({ function: 'fn::drop table' })).toThrow(QueryBuildError);
  });
});

describe('access parts', () => {
  it('recordAccess keeps SIGNUP and SIGNIN as expression nodes and WITH REFRESH and WITH JWT only when given', () => {
    const signin = select('user').where(eq(field('email'), param('email')));
    expect(recordAccess({ signin })).toStrictEqual({ type: 'RECORD', signin: signin.node });
    expect(recordAccess({ signin, refresh: true, jwt: { algorithm: 'hs512', key: 'k' } })).toStrictEqual({ type: 'RECORD', signin: signin.node, jwt: { algorithm: 'HS512', key: 'k' }, refresh: true });
  });

  it('recordAccess refuses an unknown JWT algorithm without echoing the key', () => {
    const attempt = () => recordAccess({ jwt: { algorithm: 'rot13', key: 'top-secret-key' } });
    refused(attempt, 'Unknown JWT algorithm rot13');
  });

  it('accessDurations takes grant, token and session durations and refuses any other', () => {
    expect(accessDurations({ token: '15m', session: '12h' })).toStrictEqual({ token: '15m', session: '12h' });
    refused(() => accessDurations({ forever: '1y' } as never), 'Unknown duration forever');
    expect(() => accessDurations({ token: 'soon' })).toThrow(QueryBuildError);
  });
});

it('a bundle of the clause functions carries no DEFINE builder, schema printer or query compiler', async () => {
  const sources = await bundledSources(
    `export { accessDurations, analyzerParts, changefeedNode, fulltextNode, hnswNode, permissionsNode, recordAccess, referenceNode } from '../src/index.ts';`,
    import.meta.url,
  );
  expect(sources).toContain('ql/src/statements/schema-clauses.ts');
  expect(sources.filter((path) => /ql\/src\/(schema-compiler|query-compiler|statements\/define[^/]*)\.ts/.test(path))).toEqual([]);
});
