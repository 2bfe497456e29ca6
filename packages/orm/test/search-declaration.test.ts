/**
 * Declaring search, without a database: the analyzer and index nodes a model gives, refused
 * declarations, the SurrealQL search querysets compile to (every value bound), and the types of
 * annotations and geo lookups (misuses are compile errors).
 */
import { GeometryLine, GeometryPoint, GeometryPolygon, type GeometryMultiPolygon } from '@sdb/protocol';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineNodes, f, GeoDistance, model, ModelDefinitionError, QuerySetError, SearchHighlight, SearchScore, type LookupValueAt } from '../src/index.ts';

const Article = model(
  'article',
  {
    body: f.string().fulltext({ analyzer: 'plain', bm25: [1.5, 0.8], highlights: true }),
    embedding: f.vector(4).hnsw({ distance: 'cosine', type: 'f32', efc: 100, m: 8 }),
    at: f.geometry('point').optional(),
  },
  { analyzers: { plain: { tokenizers: ['blank'], filters: ['lowercase', 'edgengram(2,8)'] } } },
);

const origin = new GeometryPoint([0, 0]);

describe('search declarations', () => {
  it('give a DEFINE ANALYZER before the table, and FULLTEXT and HNSW index nodes after the fields', () => {
    const nodes = defineNodes(Article);
    expect(nodes[0]).toEqual({ kind: 'defineAnalyzer', name: 'plain', mode: 'OVERWRITE', tokenizers: ['BLANK'], filters: [{ name: 'LOWERCASE' }, { name: 'EDGENGRAM', min: 2, max: 8 }] });
    expect(nodes[1]).toMatchObject({ kind: 'defineTable', name: 'article' });
    expect(nodes.find((node) => node.kind === 'defineIndex' && node.name === 'article_body_fulltext')).toMatchObject({ fulltext: { analyzer: 'plain', bm25: { k1: 1.5, b: 0.8 }, highlights: true } });
    expect(nodes.find((node) => node.kind === 'defineIndex' && node.name === 'article_embedding_hnsw')).toMatchObject({ hnsw: { dimension: 4, distance: 'COSINE', type: 'F32', efc: 100, m: 8 } });
  });

  it('refuse an index on the wrong kind of field and options the engine does not know', () => {
    expect(() => (f.int() as never as ReturnType<typeof f.string>).fulltext({ analyzer: 'a' })).toThrow(ModelDefinitionError);
    expect(() => (f.array(f.float()) as never as ReturnType<typeof f.vector>).hnsw()).toThrow(/f.vector\(n\)/);
    expect(() => f.vector(3).hnsw({ distance: 'nearest' as never })).toThrow(/Unknown distance/);
    expect(() => f.string().fulltext({} as never)).toThrow(/analyzer/);
    expect(() => model('bad', {}, { analyzers: { x: { filters: ['stemming'] } } })).toThrow(/Unknown analyzer filter/);
    expect(() => model('bad', {}, { analyzers: { x: { tokenizers: ['words' as never] } } })).toThrow(/Unknown tokenizer/);
    // @ts-expect-error: fulltext() is for string fields
    expect(() => f.int().fulltext({ analyzer: 'a' })).toThrow();
  });
});

describe('search querysets compile with every value bound', () => {
  it('search() with score and highlight annotations, the query a bound value', () => {
    const query = Article.objects.search('body', 'quick fox').annotate({ score: SearchScore(), marked: SearchHighlight('<em>', '</em>', { partial: true }) }).orderBy('-score').limit(5).toQuery();
    expect(query.query).toBe('SELECT *, search::score(0) AS score, search::highlight($p0, $p1, 0, $p2) AS marked FROM article WHERE body @0@ $p3 ORDER BY score DESC LIMIT $p4;');
    expect(query.bindings).toEqual({ p0: '<em>', p1: '</em>', p2: true, p3: 'quick fox', p4: 5 });
  });

  it('nearest() through the index takes ef (default max(k, 40)), and an exact scan its distance', () => {
    expect(Article.objects.nearest('embedding', [1, 0, 0, 0], 50).toQuery().query).toContain('embedding <|50,50|> $p0');
    expect(Article.objects.nearest('embedding', [1, 0, 0, 0], 5, { ef: 64 }).toQuery().query).toContain('embedding <|5,64|> $p0');
    expect(Article.objects.nearest('embedding', [1, 0, 0, 0], 5, { distance: 'manhattan' }).toQuery().query).toContain('embedding <|5,MANHATTAN|> $p0');
  });

  it('geo lookups and GeoDistance', () => {
    const square = new GeometryPolygon([new GeometryLine([origin, new GeometryPoint([1, 0]), new GeometryPoint([1, 1]), origin])]);
    const query = Article.objects.filter({ at__near: [origin, 1000], at__within: square }).annotate({ meters: GeoDistance('at', origin) }).toQuery();
    expect(query.query).toBe('SELECT *, geo::distance(at, $p0) AS meters FROM article WHERE geo::distance(at, $p1) <= $p2 AND at INSIDE $p3;');
    expect(query.bindings).toEqual({ p0: origin, p1: origin, p2: 1000, p3: square });
    expect(() => Article.objects.filter({ at__within: origin as never }).toQuery()).toThrow(/GeometryPolygon/);
    expect(() => Article.objects.annotate({ meters: GeoDistance('body', origin) })).toThrow(/not f.geometry/);
  });

  it('refuse an annotation that is not one, or that would hide a field or method', () => {
    expect(() => Article.objects.search('body', 'x').annotate({ score: 3 as never })).toThrow(/not an annotation/);
    expect(() => Article.objects.search('body', 'x').annotate({ save: SearchScore() })).toThrow(/would hide/);
    expect(() => Article.objects.nearest('embedding', [1, 0, 0, 0], 1).nearest('embedding', [1, 0, 0, 0], 1)).toThrow(QuerySetError);
    expect(() => Article.objects.nearest('embedding', [1, 0, 0, 0], 1).values('body')).toThrow(/values\(\) does not carry annotations/);
  });
});

describe('search types', () => {
  it('annotations are typed properties of the instances, and order keys', () => {
    const scored = Article.objects.search('body', 'x').annotate({ score: SearchScore(), marked: SearchHighlight('<b>', '</b>') });
    expectTypeOf<Awaited<typeof scored>[number]['score']>().toEqualTypeOf<number>();
    expectTypeOf<Awaited<typeof scored>[number]['marked']>().toEqualTypeOf<string>();
    expectTypeOf<Awaited<ReturnType<typeof Article.objects.nearest<'gap'>>>[number]['gap']>().toEqualTypeOf<number>();
    scored.orderBy('-score', 'marked');
    // @ts-expect-error: no annotation named "rank"
    expect(() => scored.orderBy('rank')).toThrow(QuerySetError);
    // @ts-expect-error: a plain queryset has no "score" to order by
    expect(() => Article.objects.orderBy('-score')).toThrow(QuerySetError);
  });

  it('geo lookups take a point and metres, or a polygon; other fields have none', () => {
    type At<K extends string> = LookupValueAt<'article', (typeof Article)['fields'], K>;
    expectTypeOf<At<'at__near'>>().toEqualTypeOf<readonly [GeometryPoint, number]>();
    expectTypeOf<At<'at__within'>>().toEqualTypeOf<GeometryPolygon | GeometryMultiPolygon>();
    // A lookup that does not fit the field: its value type is the error message.
    expectTypeOf<At<'body__near'>>().toEqualTypeOf<'article has no field or lookup "near"'>();
    expectTypeOf<At<'embedding__within'>>().toEqualTypeOf<'article has no field or lookup "within"'>();
    expect(Article.fields.at.config.kind).toBe('geometry');
  });
});
