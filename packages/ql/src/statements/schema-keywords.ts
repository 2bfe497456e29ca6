/**
 * @module The fixed words of schema statements (levels, permission actions, distances, roles,
 * algorithms...) and the checks on names and numbers: builders use them to fill nodes, and the
 * schema printer checks hand-made nodes with them again, so no other text reaches the query.
 */
import { QueryBuildError } from '@sdb/functions/core';
import { nonNegativeInteger } from '../clauses.ts';
import type { FulltextNode, HnswNode } from './schema-clauses.ts';

export type PermissionAction = 'select' | 'create' | 'update' | 'delete';
export const PERMISSION_ACTIONS: readonly PermissionAction[] = ['select', 'create', 'update', 'delete'];

export type Level = 'ROOT' | 'NAMESPACE' | 'DATABASE';

/** `'root' | 'namespace' | 'database'` (any case) as a node's level. */
export function level(on: string): Level {
  const upper = typeof on === 'string' ? on.toUpperCase() : '';
  if (upper !== 'ROOT' && upper !== 'NAMESPACE' && upper !== 'DATABASE') throw new QueryBuildError(`Unknown level ${String(on)}`);
  return upper;
}

/** Keywords a node stores must come from the module's fixed lists; the printer checks them again. */
export function oneOf<T extends string>(allowed: readonly T[], value: string, what: string): T {
  const upper = typeof value === 'string' ? value.toUpperCase() : '';
  if (!allowed.includes(upper as T)) throw new QueryBuildError(`Unknown ${what} ${String(value)}`);
  return upper as T;
}

/**
 * A custom function's name as nodes hold it, without `fn::`: `'greet'` or `'users::greet'`
 * (from `greet`, `users::greet` or `fn::users::greet`); the printer writes `fn::` before it.
 */
export function functionName(name: string): string {
  const segments = typeof name === 'string' ? name.replace(/^fn::/, '').split('::') : [''];
  for (const segment of segments) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) throw new QueryBuildError(`Invalid function name ${JSON.stringify(name)}`);
  }
  return segments.join('::');
}

export function integer(name: string, value: number): number {
  if (!Number.isInteger(value)) throw new QueryBuildError(`${name} must be an integer, got ${value}`);
  return value;
}

export type OnDelete = 'REJECT' | 'CASCADE' | 'IGNORE' | 'UNSET';
export const ON_DELETE: readonly OnDelete[] = ['REJECT', 'CASCADE', 'IGNORE', 'UNSET'];

export type Distance = 'CHEBYSHEV' | 'COSINE' | 'EUCLIDEAN' | 'HAMMING' | 'JACCARD' | 'MANHATTAN' | 'MINKOWSKI' | 'PEARSON';
export const DISTANCES: readonly Distance[] = ['CHEBYSHEV', 'COSINE', 'EUCLIDEAN', 'HAMMING', 'JACCARD', 'MANHATTAN', 'MINKOWSKI', 'PEARSON'];
export type VectorType = 'F64' | 'F32' | 'I64' | 'I32' | 'I16';
export const VECTOR_TYPES: readonly VectorType[] = ['F64', 'F32', 'I64', 'I32', 'I16'];

export function checkFulltext(node: FulltextNode): void {
  if (typeof node.bm25 === 'object' && (!Number.isFinite(node.bm25.k1) || !Number.isFinite(node.bm25.b))) throw new QueryBuildError('BM25 parameters must be numbers');
}

export function checkHnsw(node: HnswNode): void {
  nonNegativeInteger('DIMENSION', node.dimension);
  if (node.distance !== undefined) oneOf(DISTANCES, node.distance, 'distance');
  if (node.type !== undefined) oneOf(VECTOR_TYPES, node.type, 'vector type');
  if (node.efc !== undefined) nonNegativeInteger('EFC', node.efc);
  if (node.m !== undefined) nonNegativeInteger('M', node.m);
}

export type Tokenizer = 'BLANK' | 'CAMEL' | 'CLASS' | 'PUNCT';
export const TOKENIZERS: readonly Tokenizer[] = ['BLANK', 'CAMEL', 'CLASS', 'PUNCT'];

export type Algorithm = 'EDDSA' | 'ES256' | 'ES384' | 'ES512' | 'HS256' | 'HS384' | 'HS512' | 'PS256' | 'PS384' | 'PS512' | 'RS256' | 'RS384' | 'RS512';
export const ALGORITHMS: readonly Algorithm[] = ['EDDSA', 'ES256', 'ES384', 'ES512', 'HS256', 'HS384', 'HS512', 'PS256', 'PS384', 'PS512', 'RS256', 'RS384', 'RS512'];

export type Role = 'OWNER' | 'EDITOR' | 'VIEWER';
export const ROLES: readonly Role[] = ['OWNER', 'EDITOR', 'VIEWER'];
