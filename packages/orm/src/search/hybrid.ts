/**
 * @module Hybrid search: a KNN list and a full-text list, each ranked (by distance, by BM25
 * score), fused by reciprocal rank on the server with SurrealDB 3's `search::rrf(lists, limit,
 * k)` in one query: each record scores Σ 1 / (k + rank) over the lists it is in (rank from 1),
 * and the records come back by that score, each merged from the lists it is in.
 */
import { fn } from '@sdb/functions';
import { ret, type SelectQuery, type Statement } from '@sdb/ql';
import { QuerySetError } from '../errors.ts';
import type { NearestOptions } from './clauses.ts';

export interface HybridOptions<K extends string = string> {
  /** The vector side: `nearest(field, vector, candidates, options)`. */
  readonly nearest: { readonly field: K; readonly vector: readonly number[] } & NearestOptions;
  /** The full-text side: `search(field, query)`, ranked by `SearchScore()`. */
  readonly search: { readonly field: K; readonly query: string };
  /** How many records each list contributes before fusion; default 4 × the limit. */
  readonly candidates?: number;
  /** RRF's constant `k` in 1 / (k + rank); default 60 (the value of the RRF paper and of SurrealDB). */
  readonly rrfConstant?: number;
}

/** What `hybrid()` adds to each instance: the fused score, and each list's own figure when the record was in it. */
export interface HybridScores {
  rrfScore: number;
  distance?: number;
  score?: number;
}

/** The properties of a fused row copied onto instances: the engine's `rrf_score` is `rrfScore`. */
export const HYBRID_ALIASES = ['distance', 'score'] as const;

export function hybridSizes(options: HybridOptions, limit: number): { candidates: number; rrfConstant: number } {
  const candidates = options.candidates ?? limit * 4;
  const rrfConstant = options.rrfConstant ?? 60;
  if (!Number.isInteger(candidates) || candidates < limit) throw new QuerySetError(`hybrid() candidates is an integer of at least the limit (${limit}), got ${candidates}`);
  if (!Number.isInteger(rrfConstant) || rrfConstant < 0) throw new QuerySetError(`hybrid() rrfConstant is a non-negative integer, got ${rrfConstant}`);
  return { candidates, rrfConstant };
}

/** `RETURN search::rrf([vector list, text list], limit, k)`. */
export function fused(lists: readonly [SelectQuery<any, any, any>, SelectQuery<any, any, any>], limit: number, rrfConstant: number): Statement<Record<string, unknown>[]> {
  return ret(fn.search.rrf([...lists], limit, rrfConstant)) as Statement<Record<string, unknown>[]>;
}

/** Copies the fused scores of each row onto its instance. */
export function copyHybridScores(instances: readonly object[], rows: readonly Record<string, unknown>[]): void {
  for (let i = 0; i < instances.length; i++) {
    const target = instances[i] as Record<string, unknown>;
    const row = rows[i]!;
    target.rrfScore = row.rrf_score;
    for (const alias of HYBRID_ALIASES) if (row[alias] !== undefined) target[alias] = row[alias];
  }
}
