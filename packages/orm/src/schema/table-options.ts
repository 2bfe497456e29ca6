/**
 * @module The table options of `model()` (PERMISSIONS, CHANGEFEED, full-text analyzers) as the
 * parts of their DEFINE TABLE and DEFINE ANALYZER nodes, made and checked by ql's clause
 * functions when the model is declared; ./define.ts turns them into statements.
 */
import { analyzerParts, changefeedNode, permissionsNode, type DefineAnalyzerNode, type DefineTableNode, type Permissions, type Tokenizer } from '@sdb/ql';

/** The table options of `model()` that DEFINE TABLE prints: `PERMISSIONS` and `CHANGEFEED`. */
export interface TableOptions {
  /** Record-level permissions (ql's form): `{ select: eq(field('owner'), param('auth')), update: …, delete: … }`, `'full'`, `'none'`. */
  readonly permissions?: Permissions;
  /** `CHANGEFEED 3d [INCLUDE ORIGINAL]`: the table keeps a change feed for `changes()`. */
  readonly changefeed?: string | { readonly expiry: string; readonly includeOriginal?: boolean };
}

/** DEFINE TABLE's PERMISSIONS and CHANGEFEED parts. */
export type TableClauses = Pick<DefineTableNode, 'permissions' | 'changefeed'>;

/** The DEFINE TABLE clauses of `options`; a bad permission or duration throws ql's `QueryBuildError`. */
export function tableClauses(options: TableOptions): TableClauses {
  const feed = options.changefeed;
  return Object.freeze({
    ...(options.permissions !== undefined ? { permissions: permissionsNode(options.permissions) } : {}),
    ...(feed !== undefined ? { changefeed: typeof feed === 'string' ? changefeedNode(feed) : changefeedNode(feed.expiry, feed) } : {}),
  });
}

/** A full-text analyzer as a model declares it: `{ tokenizers: ['blank', 'class'], filters: ['lowercase', 'snowball(english)'] }`. */
export interface AnalyzerOptions {
  readonly tokenizers?: readonly Lowercase<Tokenizer>[];
  /** `ascii`, `lowercase`, `uppercase`, `edgengram(min,max)`, `ngram(min,max)`, `snowball(language)`. */
  readonly filters?: readonly string[];
  /** A custom function (`fn::name`) that rewrites the text before tokenizing. */
  readonly function?: string;
}

/** The DEFINE ANALYZER … OVERWRITE nodes of a model's `analyzers` option; an unknown tokenizer or filter throws ql's `QueryBuildError`. */
export function analyzerNodes(analyzers: Readonly<Record<string, AnalyzerOptions>>): readonly DefineAnalyzerNode[] {
  return Object.entries(analyzers).map(([name, options]) => ({
    kind: 'defineAnalyzer',
    name,
    mode: 'OVERWRITE',
    ...analyzerParts({
      ...(options.function !== undefined ? { function: options.function } : {}),
      ...(options.tokenizers?.length ? { tokenizers: options.tokenizers } : {}),
      ...(options.filters?.length ? { filters: options.filters } : {}),
    }),
  }));
}
