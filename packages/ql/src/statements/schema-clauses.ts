/**
 * @module The clause parts of DEFINE nodes, made and checked by plain functions: permissions,
 * durations, a FULLTEXT or HNSW index spec, a field's REFERENCE, a table's CHANGEFEED, an
 * analyzer's parts and a RECORD access method. The DEFINE builders fill their nodes with them,
 * and the ORM stores the same parts when a model is declared, without bundling a builder class
 * or the schema printer.
 */
import { Expression, QueryBuildError, toNode, type OperationNode } from '@sdb/functions/core';
import { durationLiteral } from '../clauses.ts';
import {
  ALGORITHMS,
  DISTANCES,
  ON_DELETE,
  PERMISSION_ACTIONS,
  TOKENIZERS,
  VECTOR_TYPES,
  checkFulltext,
  checkHnsw,
  functionName,
  oneOf,
  type Algorithm,
  type Distance,
  type OnDelete,
  type PermissionAction,
  type Tokenizer,
  type VectorType,
} from './schema-keywords.ts';

/** One action's rule: everyone, no one, or those for whom the condition (an expression node) holds. */
export type PermissionRule = 'FULL' | 'NONE' | OperationNode;

/** `PERMISSIONS FULL | NONE`, or one rule per action (`FOR select WHERE ...`). */
export type PermissionsNode = 'FULL' | 'NONE' | { readonly [A in PermissionAction]?: PermissionRule };

/** The builders' form: `'full'`, `'none'`, or a rule per action. */
export type Permissions = 'full' | 'none' | Partial<Record<PermissionAction, 'full' | 'none' | Expression<boolean>>>;

/** One action's rule from `'full'`, `'none'` or a condition. */
export function permissionRule(rule: 'full' | 'none' | Expression<boolean>): PermissionRule {
  if (rule === 'full' || rule === 'none') return rule === 'full' ? 'FULL' : 'NONE';
  if (typeof rule === 'string') throw new QueryBuildError(`Unknown permission ${JSON.stringify(rule)}`);
  return toNode(rule);
}

/** `'full'`, `'none'` or `{ select: …, update: … }` as a node; an unknown action is a `QueryBuildError`. */
export function permissionsNode(permissions: Permissions): PermissionsNode {
  if (typeof permissions === 'string') return permissionRule(permissions) as 'FULL' | 'NONE';
  const out: { [A in PermissionAction]?: PermissionRule } = {};
  for (const [action, rule] of Object.entries(permissions)) {
    if (!PERMISSION_ACTIONS.includes(action as PermissionAction)) throw new QueryBuildError(`Unknown permission action ${action}`);
    if (rule !== undefined) out[action as PermissionAction] = permissionRule(rule);
  }
  return out;
}

/** How long grants, tokens and sessions last (`DURATION FOR TOKEN 15m, ...`). */
export interface DurationsNode {
  readonly grant?: string;
  readonly token?: string;
  readonly session?: string;
}

/** The durations of `options`, each a SurrealQL duration; a key outside `allowed` is a `QueryBuildError`. */
export function durations(options: Partial<Record<keyof DurationsNode, string | { toString(): string }>>, allowed: readonly (keyof DurationsNode)[]): DurationsNode {
  const out: { -readonly [K in keyof DurationsNode]?: string } = {};
  for (const [key, value] of Object.entries(options)) {
    if (!allowed.includes(key as keyof DurationsNode)) throw new QueryBuildError(`Unknown duration ${key}`);
    if (value !== undefined) out[key as keyof DurationsNode] = durationLiteral(value);
  }
  return out;
}

/** An access method's `DURATION FOR GRANT …, FOR TOKEN …, FOR SESSION …`. */
export function accessDurations(options: { grant?: string; token?: string; session?: string }): DurationsNode {
  return durations(options, ['grant', 'token', 'session']);
}

/** A text value (comment, password, key), checked without echoing it: it may be a secret. */
export function text(value: string, what: string): string {
  if (typeof value !== 'string') throw new QueryBuildError(`${what} must be a string`);
  return value;
}

/** `FULLTEXT ANALYZER name [BM25 [(k1, b)]] [HIGHLIGHTS]` of a DEFINE INDEX. */
export interface FulltextNode {
  readonly analyzer: string;
  /** `BM25` with the engine's parameters, or `BM25(k1,b)`. */
  readonly bm25?: true | { readonly k1: number; readonly b: number };
  readonly highlights?: true;
}

/** `FULLTEXT ANALYZER name [BM25 [(k1, b)]] [HIGHLIGHTS]`; BM25 unless `bm25: false`. */
export function fulltextNode(analyzer: string, options: { bm25?: boolean | readonly [number, number]; highlights?: boolean } = {}): FulltextNode {
  let bm25: FulltextNode['bm25'];
  if (Array.isArray(options.bm25)) {
    const [k1, b] = options.bm25.map(Number) as [number, number];
    bm25 = { k1, b };
  } else if (options.bm25 !== false) bm25 = true;
  const fulltext = { analyzer, ...(bm25 ? { bm25 } : {}), ...(options.highlights ? { highlights: true as const } : {}) };
  checkFulltext(fulltext);
  return fulltext;
}

/** `HNSW DIMENSION n [DIST d] [TYPE t] [EFC n] [M n]` of a DEFINE INDEX. */
export interface HnswNode {
  readonly dimension: number;
  readonly distance?: Distance;
  readonly type?: VectorType;
  readonly efc?: number;
  readonly m?: number;
}

/** `HNSW DIMENSION n [DIST d] [TYPE t] [EFC n] [M n]` (3.0 has no MTREE); keywords in any case. */
export function hnswNode(options: { dimension: number; distance?: string; type?: string; efc?: number; m?: number }): HnswNode {
  const hnsw: HnswNode = {
    dimension: options.dimension,
    ...(options.distance !== undefined ? { distance: oneOf(DISTANCES, options.distance, 'distance') } : {}),
    ...(options.type !== undefined ? { type: oneOf(VECTOR_TYPES, options.type, 'vector type') } : {}),
    ...(options.efc !== undefined ? { efc: options.efc } : {}),
    ...(options.m !== undefined ? { m: options.m } : {}),
  };
  checkHnsw(hnsw);
  return hnsw;
}

/** `REFERENCE [ON DELETE action | THEN expression]` on a record link field. */
export interface ReferenceNode {
  readonly onDelete?: OnDelete | OperationNode;
}

/** A REFERENCE node: the ON DELETE action upper-cased (an unknown one is a `QueryBuildError`), or a THEN expression's node. */
export function referenceNode(options: { onDelete?: 'reject' | 'cascade' | 'ignore' | 'unset' | Expression } = {}): ReferenceNode {
  const action = options.onDelete;
  if (action === undefined) return {};
  if (typeof action !== 'string') return { onDelete: toNode(action) };
  return { onDelete: oneOf(ON_DELETE, action, 'ON DELETE action') };
}

/** `CHANGEFEED expiry [INCLUDE ORIGINAL]` on a table. */
export interface ChangefeedNode {
  readonly expiry: string;
  readonly includeOriginal?: true;
}

/** A CHANGEFEED node; an expiry that is not a SurrealQL duration is a `QueryBuildError`. */
export function changefeedNode(expiry: string | { toString(): string }, options: { includeOriginal?: boolean } = {}): ChangefeedNode {
  return { expiry: durationLiteral(expiry), ...(options.includeOriginal ? { includeOriginal: true as const } : {}) };
}

/** One of an analyzer's FILTERS. */
export type AnalyzerFilter =
  | { readonly name: 'ASCII' | 'LOWERCASE' | 'UPPERCASE' }
  | { readonly name: 'EDGENGRAM' | 'NGRAM'; readonly min: number; readonly max: number }
  | { readonly name: 'SNOWBALL'; readonly language: string };

const FILTER = /^(?:(ascii|lowercase|uppercase)|(edgengram|ngram)\((\d+),\s*(\d+)\)|snowball\(([a-z]+)\))$/i;

/** `'lowercase'`, `'edgengram(2,10)'`, `'snowball(english)'` as a filter node. */
function analyzerFilter(text: string): AnalyzerFilter {
  const match = typeof text === 'string' ? FILTER.exec(text.trim()) : null;
  if (!match) throw new QueryBuildError(`Unknown analyzer filter ${String(text)}`);
  const [, plain, gram, min, max, language] = match;
  if (plain) return { name: plain.toUpperCase() as 'ASCII' };
  if (gram) return { name: gram.toUpperCase() as 'NGRAM', min: Number(min), max: Number(max) };
  return { name: 'SNOWBALL', language: (language as string).toUpperCase() };
}

/** The parts of DEFINE ANALYZER: `FUNCTION fn::name`, `TOKENIZERS …`, `FILTERS …`. */
export interface AnalyzerParts {
  /** A custom function run on the text first (`fn::` name without the prefix). */
  readonly function?: string;
  readonly tokenizers?: readonly Tokenizer[];
  readonly filters?: readonly AnalyzerFilter[];
}

/** Analyzer parts from their names (`tokenizers: ['blank']`, `filters: ['snowball(english)']`); the parts not given are absent. */
export function analyzerParts(options: { function?: string; tokenizers?: readonly string[]; filters?: readonly string[] }): AnalyzerParts {
  return {
    ...(options.function !== undefined ? { function: functionName(options.function) } : {}),
    ...(options.tokenizers !== undefined ? { tokenizers: options.tokenizers.map((name) => oneOf(TOKENIZERS, name, 'tokenizer')) } : {}),
    ...(options.filters !== undefined ? { filters: options.filters.map(analyzerFilter) } : {}),
  };
}

/** `ALGORITHM alg KEY 'key'` of a JWT access method. */
export interface JwtNode {
  readonly algorithm: Algorithm;
  readonly key: string;
}

/** A JWT node: the algorithm upper-cased and checked; the key is never echoed in an error. */
export function jwtNode(options: { algorithm: string; key: string }): JwtNode {
  return { algorithm: oneOf(ALGORITHMS, options.algorithm, 'JWT algorithm'), key: text(options.key, 'A JWT key') };
}

/** The TYPE of a DEFINE ACCESS: JWT, RECORD or BEARER. */
export type AccessMethod =
  | ({ readonly type: 'JWT' } & JwtNode)
  | { readonly type: 'RECORD'; readonly signup?: OperationNode; readonly signin?: OperationNode; readonly jwt?: JwtNode; readonly refresh?: true }
  | { readonly type: 'BEARER'; readonly for: 'USER' | 'RECORD' };

/**
 * `TYPE RECORD [SIGNUP (...)] [SIGNIN (...)] [WITH REFRESH] [WITH JWT ALGORITHM alg KEY 'key']`;
 * `refresh: true` makes sign-in also answer a refresh token.
 */
export function recordAccess(options: { signup?: Expression; signin?: Expression; jwt?: { algorithm: string; key: string }; refresh?: boolean }): AccessMethod {
  return {
    type: 'RECORD',
    ...(options.signup ? { signup: toNode(options.signup) } : {}),
    ...(options.signin ? { signin: toNode(options.signin) } : {}),
    ...(options.jwt ? { jwt: jwtNode(options.jwt) } : {}),
    ...(options.refresh ? { refresh: true as const } : {}),
  };
}
