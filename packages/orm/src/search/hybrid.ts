/**
 * @module Hybrid search: a KNN list and a full-text list, each ranked (by distance, by BM25
 * score), fused by reciprocal rank on the server with SurrealDB 3's `search::rrf(lists, limit,
 * k)` in one query: each record scores Σ 1 / (k + rank) over the lists it is in (rank from 1),
 * and the records come back by that score, each merged from the lists it is in.
 */
// A namespace import: a bundle then keeps only the function namespaces used here, not the whole catalogue.
import { call } from '@sdb/functions/core';
import { ret, run, type SelectQuery } from '@sdb/ql';
import type { OrmClient } from '../connection.ts';
import { QuerySetError } from '../errors.ts';
import { hydrate } from '../query/hydrate.ts';
import type { QuerySet } from '../query/queryset.ts';
import type { AnyModel, InstanceOf } from '../schema/model.ts';
import { checkAlias, SearchScore } from './annotations.ts';
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

/** The properties of a fused row copied onto instances besides `rrfScore` (the engine's `rrf_score`). */
const LIST_SCORES = ['distance', 'score'] as const;

/** What `hybrid()` takes from its queryset: the fused limit, the client, and how to print a queryset's SELECT. */
export interface HybridContext {
  readonly limit: number;
  readonly client: OrmClient;
  rows(queryset: QuerySet<any>): SelectQuery<Record<string, unknown>>;
}

/** Runs `RETURN search::rrf([vector list, text list], limit, k)` over `base` (the filtered queryset) and loads the instances. */
export async function hybridSearch<M extends AnyModel>(base: QuerySet<M>, options: HybridOptions, context: HybridContext): Promise<(InstanceOf<M> & HybridScores)[]> {
  const { limit } = context;
  checkAlias(base.model, 'rrfScore', {});
  const candidates = options.candidates ?? limit * 4;
  const rrfConstant = options.rrfConstant ?? 60;
  if (!Number.isInteger(candidates) || candidates < limit) throw new QuerySetError(`hybrid() candidates is an integer of at least the limit (${limit}), got ${candidates}`);
  if (!Number.isInteger(rrfConstant) || rrfConstant < 0) throw new QuerySetError(`hybrid() rrfConstant is a non-negative integer, got ${rrfConstant}`);
  const { nearest, search } = options;
  const vector = base.nearest(nearest.field as never, nearest.vector, candidates, nearest);
  // SearchScore() of the one search() this queryset has; an alias clash (a field named `score`) is refused there.
  const text = base.search(search.field as never, search.query).annotate({ score: SearchScore() }).orderBy('-score' as never).limit(candidates);
  const lists = [context.rows(vector), context.rows(text)];
  const rows = (await run(context.client, ret(call('search::rrf', lists, limit, rrfConstant)))) as Record<string, unknown>[];
  const instances = hydrate<InstanceOf<M> & HybridScores>(base.model, rows);
  for (let i = 0; i < instances.length; i++) {
    const target = instances[i] as unknown as Record<string, unknown>;
    const row = rows[i]!;
    target.rrfScore = row.rrf_score;
    for (const alias of LIST_SCORES) if (row[alias] !== undefined) target[alias] = row[alias];
  }
  return instances;
}
