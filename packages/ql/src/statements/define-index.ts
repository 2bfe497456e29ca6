/**
 * @module DEFINE INDEX (UNIQUE, COUNT, FULLTEXT, HNSW) and DEFINE ANALYZER, the full-text
 * analyzers FULLTEXT indexes name.
 */
import { QueryBuildError } from '@sdb/functions/core';
import { field, type IdiomNode, type Path } from '../idiom.ts';
import { DefineStatement, type DefineBase } from './define-base.ts';
import { DISTANCES, TOKENIZERS, VECTOR_TYPES, checkFulltext, checkHnsw, functionName, oneOf, type Distance, type Tokenizer, type VectorType } from './schema-keywords.ts';


export interface FulltextNode {
  readonly analyzer: string;
  /** `BM25` with the engine's parameters, or `BM25(k1,b)`. */
  readonly bm25?: true | { readonly k1: number; readonly b: number };
  readonly highlights?: true;
}

export interface HnswNode {
  readonly dimension: number;
  readonly distance?: Distance;
  readonly type?: VectorType;
  readonly efc?: number;
  readonly m?: number;
}

/** At most one of `unique`, `count`, `fulltext`, `hnsw` is set; none is a plain index. */
export interface DefineIndexNode extends DefineBase {
  readonly kind: 'defineIndex';
  readonly table: string;
  readonly fields?: readonly IdiomNode[];
  readonly unique?: true;
  /** `COUNT`: an index that keeps the table's row count. */
  readonly count?: true;
  readonly fulltext?: FulltextNode;
  readonly hnsw?: HnswNode;
  /** `CONCURRENTLY`: build in the background. */
  readonly concurrently?: true;
}

const NO_KIND = { unique: undefined, count: undefined, fulltext: undefined, hnsw: undefined } as const;

export class DefineIndex extends DefineStatement<DefineIndexNode> {
  fields(...paths: Path[]): this {
    return this.with({ fields: paths.map((p) => field(p).node) });
  }

  unique(): this {
    return this.with({ ...NO_KIND, unique: true });
  }

  count(): this {
    return this.with({ ...NO_KIND, count: true });
  }

  /** `FULLTEXT ANALYZER name [BM25 [(k1, b)]] [HIGHLIGHTS]`; BM25 unless `bm25: false`. */
  fulltext(analyzer: string, options: { bm25?: boolean | readonly [number, number]; highlights?: boolean } = {}): this {
    let bm25: FulltextNode['bm25'];
    if (Array.isArray(options.bm25)) {
      const [k1, b] = options.bm25.map(Number) as [number, number];
      bm25 = { k1, b };
    } else if (options.bm25 !== false) bm25 = true;
    const fulltext = { analyzer, ...(bm25 ? { bm25 } : {}), ...(options.highlights ? { highlights: true as const } : {}) };
    checkFulltext(fulltext);
    return this.with({ ...NO_KIND, fulltext });
  }

  /** `HNSW DIMENSION n [DIST d] [TYPE t] [EFC n] [M n]` (3.0 has no MTREE). */
  hnsw(options: { dimension: number; distance?: string; type?: string; efc?: number; m?: number }): this {
    const hnsw: HnswNode = {
      dimension: options.dimension,
      ...(options.distance !== undefined ? { distance: oneOf(DISTANCES, options.distance, 'distance') } : {}),
      ...(options.type !== undefined ? { type: oneOf(VECTOR_TYPES, options.type, 'vector type') } : {}),
      ...(options.efc !== undefined ? { efc: options.efc } : {}),
      ...(options.m !== undefined ? { m: options.m } : {}),
    };
    checkHnsw(hnsw);
    return this.with({ ...NO_KIND, hnsw });
  }

  concurrently(): this {
    return this.with({ concurrently: true });
  }
}



export type AnalyzerFilter =
  | { readonly name: 'ASCII' | 'LOWERCASE' | 'UPPERCASE' }
  | { readonly name: 'EDGENGRAM' | 'NGRAM'; readonly min: number; readonly max: number }
  | { readonly name: 'SNOWBALL'; readonly language: string };

const FILTER = /^(?:(ascii|lowercase|uppercase)|(edgengram|ngram)\((\d+),\s*(\d+)\)|snowball\(([a-z]+)\))$/i;

/** `'lowercase'`, `'edgengram(2,10)'`, `'snowball(english)'` as a filter node. */
export function analyzerFilter(text: string): AnalyzerFilter {
  const match = typeof text === 'string' ? FILTER.exec(text.trim()) : null;
  if (!match) throw new QueryBuildError(`Unknown analyzer filter ${String(text)}`);
  const [, plain, gram, min, max, language] = match;
  if (plain) return { name: plain.toUpperCase() as 'ASCII' };
  if (gram) return { name: gram.toUpperCase() as 'NGRAM', min: Number(min), max: Number(max) };
  return { name: 'SNOWBALL', language: (language as string).toUpperCase() };
}

export interface DefineAnalyzerNode extends DefineBase {
  readonly kind: 'defineAnalyzer';
  /** A custom function run on the text first (`fn::` name without the prefix). */
  readonly function?: string;
  readonly tokenizers?: readonly Tokenizer[];
  readonly filters?: readonly AnalyzerFilter[];
}

export class DefineAnalyzer extends DefineStatement<DefineAnalyzerNode> {
  /** `FUNCTION fn::name`: a custom function that rewrites the text before tokenizing. */
  function(name: string): this {
    return this.with({ function: functionName(name) });
  }

  tokenizers(...names: string[]): this {
    return this.with({ tokenizers: names.map((name) => oneOf(TOKENIZERS, name, 'tokenizer')) });
  }

  /** Filters such as `lowercase`, `ascii`, `snowball(english)`, `edgengram(2,10)`. */
  filters(...names: string[]): this {
    return this.with({ filters: names.map(analyzerFilter) });
  }
}

export const indexBuilders = {
  index: (name: string, table: string) => new DefineIndex({ kind: 'defineIndex', name, table }),
  analyzer: (name: string) => new DefineAnalyzer({ kind: 'defineAnalyzer', name }),
};
