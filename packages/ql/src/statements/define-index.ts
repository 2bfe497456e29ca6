/**
 * @module DEFINE INDEX (UNIQUE, COUNT, FULLTEXT, HNSW) and DEFINE ANALYZER, the full-text
 * analyzers FULLTEXT indexes name.
 */
import { field, type IdiomNode, type Path } from '../idiom.ts';
import { DefineStatement, type DefineBase } from './define-base.ts';
import { analyzerParts, fulltextNode, hnswNode, type AnalyzerParts, type FulltextNode, type HnswNode } from './schema-clauses.ts';

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
    return this.with({ ...NO_KIND, fulltext: fulltextNode(analyzer, options) });
  }

  /** `HNSW DIMENSION n [DIST d] [TYPE t] [EFC n] [M n]` (3.0 has no MTREE). */
  hnsw(options: { dimension: number; distance?: string; type?: string; efc?: number; m?: number }): this {
    return this.with({ ...NO_KIND, hnsw: hnswNode(options) });
  }

  concurrently(): this {
    return this.with({ concurrently: true });
  }
}

export interface DefineAnalyzerNode extends DefineBase, AnalyzerParts {
  readonly kind: 'defineAnalyzer';
}

export class DefineAnalyzer extends DefineStatement<DefineAnalyzerNode> {
  /** `FUNCTION fn::name`: a custom function that rewrites the text before tokenizing. */
  function(name: string): this {
    return this.with(analyzerParts({ function: name }));
  }

  tokenizers(...names: string[]): this {
    return this.with(analyzerParts({ tokenizers: names }));
  }

  /** Filters such as `lowercase`, `ascii`, `snowball(english)`, `edgengram(2,10)`. */
  filters(...names: string[]): this {
    return this.with(analyzerParts({ filters: names }));
  }
}

export const indexBuilders = {
  index: (name: string, table: string) => new DefineIndex({ kind: 'defineIndex', name, table }),
  analyzer: (name: string) => new DefineAnalyzer({ kind: 'defineAnalyzer', name }),
};
