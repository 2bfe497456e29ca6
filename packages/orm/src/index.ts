/**
 * @module @sdb/orm: Django-style models and querysets for SurrealDB 3, typed end to end. One
 * declaration gives the record and insert types, the client-side checks and the DEFINE
 * statements; every query is a @sdb/ql node tree with every value bound.
 */
export { configure, type OrmClient, type Using } from './connection.ts';
export { DoesNotExistError, ModelDefinitionError, MultipleObjectsReturnedError, QuerySetError, RecordNotAffectedError, TransactionNotSupportedError, UnknownConnectionError, ValidationError } from './errors.ts';
export { Aggregate, Avg, Count, Max, Min, Sum, type AggregateKind, type AggregateResult } from './query/aggregates.ts';
export { Atomic, type AtomicFor, type AtomicKind } from './query/atomic.ts';
export { Q, type FilterPart, type FilterParts, type QNode } from './query/q.ts';
export { LOOKUPS } from './query/lookups.ts';
export { QuerySet, type FilterModel } from './query/queryset.ts';
export { ValuesQuery } from './query/values.ts';
export { transaction } from './transaction.ts';
export { defineNodes, pushSchema } from './schema/define.ts';
export { f, Field, type AnyField, type ComputedField, type FieldConfig, type FieldKind, type GeometryKind, type GeometryKinds, type LiteralValue, type LookupClass, type OnDelete } from './schema/fields.ts';
export type { FieldMap, Infer, InferInsert, InsertOf, LinkedModel, Lookups, LookupsByClass, LookupValue, LookupValueAt, ModelTypes, OrderKey, PatchOf, RecordOf } from './schema/infer.ts';
export { model, type AnyModel, type Instance, type InstanceMethods, type ModelClass, type ModelOptions, type RelatedOptions } from './schema/model.ts';
export type { LiveChange, LiveModelEvent, LiveModelOptions, ModelChange, ModelChangeSet, ModelChangesOptions, WatchModelEvent } from './query/live.ts';
export type { AccessOptions, ModelAccess } from './auth/access.ts';
export type { AuthOptions, SignedIn } from './auth/session.ts';
export type { AnalyzerOptions, TableOptions } from './schema/table-options.ts';
export { MemoryCheckpoint, RecordCheckpoint, type CheckpointStore } from '@sdb/stream/checkpoint';
export { hooks, Hooks, type AnyInstance, type HookContext, type HookEvent, type HookHandler, type HookPayloads } from './signals.ts';
export { Annotation, GeoDistance, SearchHighlight, SearchScore, type Annotated, type AnnotationValues } from './search/annotations.ts';
export type { NearestOptions } from './search/clauses.ts';
export type { HybridOptions, HybridScores } from './search/hybrid.ts';
export { edge, type AnyEdge, type EdgeClass } from './schema/edge.ts';
export type { EdgeEnds } from './schema/edge-definition.ts';
export { RelationManager } from './relations/manager.ts';
export { Prefetch } from './relations/prefetch.ts';
export type { Direction, Relation } from './relations/relation.ts';
export type { TraverseStep } from './relations/graph.ts';
