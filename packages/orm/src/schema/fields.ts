/**
 * @module Field builders (`f.string()`, `f.int().default(0)`, `f.link(() => Company)`...): each a
 * frozen definition carrying phantom types, as Drizzle's column builders do. One declaration
 * gives the TypeScript types (./infer.ts), the client-side checks (./validate.ts) and the DEFINE
 * FIELD/INDEX nodes (./define.ts).
 */
import type { Datetime, Decimal, Duration, FileRef, Geometry, GeometryCollection, GeometryLine, GeometryMultiLine, GeometryMultiPoint, GeometryMultiPolygon, GeometryPoint, GeometryPolygon, RecordId, Uuid } from '@sdb/protocol';
import type { Expression } from '@sdb/functions';
import { fulltextNode, hnswNode, permissionsNode, referenceNode, type FulltextNode, type HnswNode, type Permissions, type PermissionsNode, type ReferenceNode } from '@sdb/ql';
import { ModelDefinitionError } from '../errors.ts';
import { atomic } from '../query/atomic.ts';
import type { LinkedModel } from './infer.ts';

export type FieldKind =
  | 'string' | 'int' | 'float' | 'number' | 'decimal' | 'bool' | 'datetime' | 'duration'
  | 'uuid' | 'bytes' | 'object' | 'array' | 'set' | 'literal' | 'link' | 'any'
  | 'geometry' | 'vector' | 'file' | 'computed';

/** The value class of each `geometry<kind>` (`feature`: any geometry). */
export interface GeometryKinds {
  point: GeometryPoint;
  line: GeometryLine;
  polygon: GeometryPolygon;
  multipoint: GeometryMultiPoint;
  multiline: GeometryMultiLine;
  multipolygon: GeometryMultiPolygon;
  collection: GeometryCollection;
  feature: Geometry;
}

export type GeometryKind = keyof GeometryKinds;

const GEOMETRY_KINDS: readonly GeometryKind[] = ['point', 'line', 'polygon', 'multipoint', 'multiline', 'multipolygon', 'collection', 'feature'];

/**
 * Which lookups a field takes: `text` (string lookups and comparisons), `ordered` (comparisons),
 * `collection` (array/set membership), `plain` (equality and membership only), `geo` (equality,
 * `near`, `within`), `any` (everything).
 */
export type LookupClass = 'text' | 'ordered' | 'collection' | 'plain' | 'geo' | 'any';

/** A literal a `f.literal(...)` field may hold. */
export type LiteralValue = string | number | boolean;

/** What a link field points at: anything with a table name (a model). */
export interface LinkTarget {
  readonly table: string;
}

/** The runtime definition behind a field builder; frozen, shared by every derived builder. */
export interface FieldConfig {
  readonly kind: FieldKind;
  readonly optional: boolean;
  /** A value written when the field is missing, or the server's `time::now()`. */
  readonly default?: { readonly value: unknown } | { readonly now: true };
  readonly unique: boolean;
  readonly index: boolean;
  readonly readonly: boolean;
  /** A server-side ASSERT (over `$value`), with an optional client-side twin checked on save. */
  readonly assert?: { readonly condition: Expression<boolean>; readonly check?: (value: never) => boolean };
  readonly comment?: string;
  /** array / set: the element field and the maximum length. */
  readonly of?: AnyField;
  readonly max?: number;
  /** object: the nested fields. */
  readonly shape?: Readonly<Record<string, AnyField>>;
  /** literal: the allowed values. */
  readonly values?: readonly LiteralValue[];
  /** link: the model pointed at (a thunk, so models may point at each other). */
  readonly target?: () => LinkTarget;
  /** geometry: the kind of geometry held. */
  readonly geometry?: GeometryKind;
  /** vector: the number of floats. */
  readonly dimension?: number;
  /** computed: the expression the server evaluates on every read (`COMPUTED`). */
  readonly computed?: Expression<unknown>;
  /** `PERMISSIONS` on the field, as ql's node. */
  readonly permissions?: PermissionsNode;
  /** string: a FULLTEXT index (analyzer, BM25, highlights), for `search()`. */
  readonly fulltext?: FulltextNode;
  /** vector: an HNSW index (its dimension is the vector's), for `nearest()`. */
  readonly hnsw?: HnswNode;
  /** The field's previous name (`.was('old')`): a migration renames it instead of dropping one and adding the other. */
  readonly was?: string;
  /** link (or array/set of links): `REFERENCE ON DELETE …`, so the target tracks who points at it. */
  readonly reference?: ReferenceNode;
}

/** What a referenced record's deletion does to the records pointing at it (`REFERENCE ON DELETE …`). */
export type OnDelete = 'cascade' | 'reject' | 'unset' | 'ignore';

/** A link, or an array/set of links: what `.reference()` applies to. */
const isLinkish = (config: FieldConfig): boolean => config.kind === 'link' || ((config.kind === 'array' || config.kind === 'set') && config.of!.config.kind === 'link');

const FIELD_BRAND = Symbol.for('sdb.orm.Field');

/**
 * A field of type `T`. The flags are phantom: `Optional` (may be absent), `HasDefault` (may be
 * omitted on insert), `L` (its lookup class, or for a link the target model).
 */
export class Field<T, Optional extends boolean = false, HasDefault extends boolean = false, L = LookupClass> {
  declare readonly _: { readonly type: T; readonly optional: Optional; readonly hasDefault: HasDefault; readonly lookups: L };
  readonly config: FieldConfig;

  constructor(config: FieldConfig) {
    this.config = Object.freeze(config);
    Object.freeze(this);
  }

  /** Recognises fields made by another copy of this package too (brand, not prototype chain). */
  get [FIELD_BRAND](): true {
    return true;
  }

  static [Symbol.hasInstance](value: unknown): boolean {
    return isField(value);
  }

  private with<F>(patch: Partial<FieldConfig>): F {
    const allowed = Object.keys(patch).every((key) => key === 'comment' || key === 'permissions' || key === 'was');
    if (this.config.kind === 'computed' && !allowed) throw new ModelDefinitionError('A computed field takes only .comment() and .permissions(): the server computes its value on every read');
    return new Field({ ...this.config, ...patch }) as F;
  }

  /** May be absent (`option<T>`): an unset value is stored as NONE, never NULL. */
  optional(): Field<T, true, HasDefault, L> {
    return this.with({ optional: true });
  }

  /** Written (client side, and by the server's DEFAULT) when the field is missing. */
  default(value: T): Field<T, Optional, true, L> {
    if (value === undefined || value === null) throw new ModelDefinitionError('A default must be a value; use .optional() for a field that may be absent');
    return this.with({ default: { value } });
  }

  /** `DEFAULT time::now()`: the server's clock at creation (datetime fields). */
  defaultNow(this: Field<Datetime, Optional, HasDefault, L>): Field<T, Optional, true, L> {
    if (this.config.kind !== 'datetime') throw new ModelDefinitionError('defaultNow() is for datetime fields');
    return this.with({ default: { now: true } });
  }

  /** A UNIQUE index on the field. */
  unique(): this {
    return this.with({ unique: true, index: false });
  }

  /** A plain index on the field. */
  index(): this {
    return this.with({ index: true, unique: false });
  }

  /** Set once at creation; later changes are refused (client side and by the server's READONLY). */
  readonly(): this {
    return this.with({ readonly: true });
  }

  /**
   * `ASSERT condition` on the server (`param('value')` is the written value); `check`, when
   * given, is the same rule on the client, so save() fails before the round trip.
   */
  assert(condition: Expression<boolean>, check?: (value: T) => boolean): this {
    return this.with({ assert: { condition, ...(check ? { check: check as (value: never) => boolean } : {}) } });
  }

  /**
   * `PERMISSIONS` on the field: `'full'`, `'none'`, or a rule per action (`{ select: 'full',
   * update: eq(field('owner'), param('auth').field('id')) }`; fields know select, create, update).
   */
  permissions(permissions: Permissions): this {
    // ql turns the rules into DEFINE FIELD's node (and refuses unknown actions).
    const node = permissionsNode(permissions);
    if (typeof node === 'object' && 'delete' in node) throw new ModelDefinitionError('Field permissions are for select, create and update (a field is not deleted on its own)');
    return this.with({ permissions: node });
  }

  /**
   * A FULLTEXT index on a string field, for `objects.search()`: `analyzer` names one declared in
   * the model's `analyzers` option (or defined on the database); BM25 scoring unless `bm25:
   * false` (`[k1, b]` tunes it); `highlights: true` lets `SearchHighlight()` mark the matches.
   */
  fulltext(this: Field<string, Optional, HasDefault, L>, options: { analyzer: string; bm25?: boolean | readonly [number, number]; highlights?: boolean }): this {
    if (this.config.kind !== 'string') throw new ModelDefinitionError('fulltext() is for string fields');
    if (typeof options?.analyzer !== 'string') throw new ModelDefinitionError('fulltext() needs { analyzer: name }');
    // ql checks the options and makes DEFINE INDEX's FULLTEXT node.
    const { analyzer, bm25, highlights } = options;
    return this.with<this>({ fulltext: fulltextNode(analyzer, { ...(bm25 !== undefined ? { bm25 } : {}), ...(highlights !== undefined ? { highlights } : {}) }) });
  }

  /**
   * An HNSW index on a vector field, for `objects.nearest()`: `distance` (default euclidean),
   * `type` of the stored numbers (default f64), `efc` and `m` (graph build parameters).
   */
  hnsw(this: Field<number[], Optional, HasDefault, L>, options: { distance?: Lowercase<HnswNode['distance'] & string>; type?: Lowercase<HnswNode['type'] & string>; efc?: number; m?: number } = {}): this {
    if (this.config.kind !== 'vector') throw new ModelDefinitionError('hnsw() is for f.vector(n) fields');
    return this.with<this>({ hnsw: hnswNode({ ...options, dimension: this.config.dimension! }) });
  }

  /**
   * `REFERENCE ON DELETE cascade | reject | unset | ignore` on a link (or an array/set of links),
   * top level only: deleting the target then deletes this record, is refused, removes the link, or
   * leaves it dangling (the default). The server refuses REFERENCE on nested fields.
   */
  reference(options: { onDelete?: OnDelete } = {}): this {
    if (!isLinkish(this.config)) throw new ModelDefinitionError('reference() is for f.link() fields (or arrays and sets of links)');
    // ql checks the action (a QueryBuildError for an unknown one) and gives DEFINE FIELD's REFERENCE node.
    return this.with({ reference: referenceNode({ onDelete: options.onDelete ?? 'ignore' }) });
  }

  comment(text: string): this {
    if (typeof text !== 'string') throw new ModelDefinitionError('A comment is a string');
    return this.with({ comment: text });
  }

  /** The field was called `previous` before: the next migration renames it (data kept) rather than dropping it. */
  was(previous: string): this {
    if (typeof previous !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(previous)) throw new ModelDefinitionError(`.was() takes the field's previous name (an identifier), got ${JSON.stringify(previous)}`);
    return this.with({ was: previous });
  }
}

/** A `f.computed(...)` field: read, never written (no insert or patch key). */
export type ComputedField<T> = Field<T, false, true, 'any'> & { readonly _: { readonly computed: true } };

/** Any field, whatever its types. */
export type AnyField = Field<any, boolean, boolean, any>;

export function isField(value: unknown): value is AnyField {
  return typeof value === 'object' && value !== null && (value as { [FIELD_BRAND]?: unknown })[FIELD_BRAND] === true;
}

const base = { optional: false, unique: false, index: false, readonly: false } as const;

function scalar<T, L extends LookupClass>(kind: FieldKind): Field<T, false, false, L> {
  return new Field({ ...base, kind });
}

function elements(kind: 'array' | 'set', of: AnyField, max: number | undefined): FieldConfig {
  if (!isField(of)) throw new ModelDefinitionError(`f.${kind}() takes a field, e.g. f.${kind}(f.string())`);
  if (of.config.kind === 'computed') throw new ModelDefinitionError(`f.${kind}() of a computed field: COMPUTED fields are top-level only`);
  if (of.config.reference) throw new ModelDefinitionError(`f.${kind}() of a field with reference(): call reference() on the ${kind} itself (REFERENCE is top level only)`);
  if (max !== undefined && (!Number.isInteger(max) || max <= 0)) throw new ModelDefinitionError(`A ${kind}'s max length is a positive integer, got ${max}`);
  return { ...base, kind, of, ...(max !== undefined ? { max } : {}) };
}

/** A nested object's value type, from its fields (optional fields are optional keys). */
export type ShapeOf<S extends Record<string, AnyField>> = Simplify<
  { -readonly [K in keyof S as S[K]['_']['optional'] extends true ? never : K]: S[K]['_']['type'] } & {
    -readonly [K in keyof S as S[K]['_']['optional'] extends true ? K : never]?: S[K]['_']['type'];
  }
>;

export type Simplify<T> = { [K in keyof T]: T[K] } & {};

type ElementOf<E extends AnyField> = E['_']['type'];

/** The field builders, one per SurrealDB 3 type, and the atomic update operations (`f.increment(1)`...). */
export const f = {
  ...atomic,
  string: () => scalar<string, 'text'>('string'),
  int: () => scalar<number, 'ordered'>('int'),
  float: () => scalar<number, 'ordered'>('float'),
  /** int or float. */
  number: () => scalar<number, 'ordered'>('number'),
  decimal: () => scalar<Decimal, 'ordered'>('decimal'),
  bool: () => scalar<boolean, 'plain'>('bool'),
  datetime: () => scalar<Datetime, 'ordered'>('datetime'),
  duration: () => scalar<Duration, 'ordered'>('duration'),
  uuid: () => scalar<Uuid, 'plain'>('uuid'),
  bytes: () => scalar<Uint8Array, 'plain'>('bytes'),
  any: () => scalar<unknown, 'any'>('any'),
  /** `geometry<kind>`, held as @sdb/protocol's geometry classes (`feature`: any geometry). */
  geometry: <K extends GeometryKind>(kind: K): Field<GeometryKinds[K], false, false, 'geo'> => {
    if (!GEOMETRY_KINDS.includes(kind)) throw new ModelDefinitionError(`f.geometry() takes one of ${GEOMETRY_KINDS.join(', ')}, got ${String(kind)}`);
    return new Field({ ...base, kind: 'geometry', geometry: kind });
  },
  /** A vector of exactly `dimension` floats: `array<float, dimension>` (SurrealDB 3 holds it to that length). */
  vector: (dimension: number): Field<number[], false, false, 'plain'> => {
    if (!Number.isInteger(dimension) || dimension <= 0) throw new ModelDefinitionError(`f.vector() takes a positive integer dimension, got ${dimension}`);
    return new Field({ ...base, kind: 'vector', dimension });
  },
  /** A file in a bucket (`file`), held as @sdb/protocol's `FileRef`. */
  file: () => scalar<FileRef, 'plain'>('file'),
  /**
   * `COMPUTED expression`: evaluated by the server on every read, never stored or written (top
   * level only: SurrealDB 3 refuses COMPUTED on nested fields). Not part of the insert or patch types.
   */
  computed: <T>(expression: Expression<T>): ComputedField<T> => {
    if (typeof expression !== 'object' || expression === null || !('node' in expression)) throw new ModelDefinitionError('f.computed() takes a @sdb/ql or @sdb/functions expression');
    return new Field({ ...base, kind: 'computed', computed: expression }) as ComputedField<T>;
  },
  /** A nested object with typed fields (each defined as `name.key` in a schemafull table). */
  object: <S extends Record<string, AnyField>>(shape: S): Field<ShapeOf<S>, false, false, { readonly objectShape: S }> => {
    for (const [key, field] of Object.entries(shape)) {
      if (!isField(field)) throw new ModelDefinitionError(`f.object(): "${key}" is not a field`);
      if (field.config.kind === 'computed') throw new ModelDefinitionError(`f.object(): "${key}" is computed; COMPUTED fields are top-level only`);
      if (field.config.reference) throw new ModelDefinitionError(`f.object(): "${key}" has reference(); SurrealDB 3 allows REFERENCE on top-level fields only`);
      if (key.includes('.') || key.includes('__') || key === '*') throw new ModelDefinitionError(`f.object(): "${key}" is not a usable key (no ".", "__" or "*")`);
    }
    return new Field({ ...base, kind: 'object', shape: Object.freeze({ ...shape }) });
  },
  array: <E extends AnyField>(of: E, options: { max?: number } = {}): Field<ElementOf<E>[], false, false, 'collection'> => new Field(elements('array', of, options.max)),
  /** A set: unique elements, sorted by the server; read back as a JS `Set`. */
  set: <E extends AnyField>(of: E, options: { max?: number } = {}): Field<Set<ElementOf<E>>, false, false, 'collection'> => new Field(elements('set', of, options.max)),
  /** One of the given values: `f.literal('free', 'pro')`. */
  literal: <const V extends readonly [LiteralValue, ...LiteralValue[]]>(...values: V): Field<V[number], false, false, 'plain'> => {
    if (values.length === 0) throw new ModelDefinitionError('f.literal() needs at least one value');
    const types = new Set(values.map((v) => typeof v));
    if (types.size !== 1 || ![...types].every((t) => t === 'string' || t === 'number' || t === 'boolean')) {
      throw new ModelDefinitionError('f.literal() values are all strings, all numbers or all booleans');
    }
    return new Field({ ...base, kind: 'literal', values: Object.freeze([...values]) });
  },
  /**
   * A record link `record<table>` to another model (a thunk, so models may point at each other).
   * Its lookup class is `{ linkTarget: M }` (M's fields kept to a bounded depth, see `LinkedModel`);
   * not `{ link }`, which every string matches (String.prototype.link).
   */
  link: <M extends LinkTarget>(target: () => M): Field<RecordId<M['table']>, false, false, { readonly linkTarget: LinkedModel<M> }> => {
    if (typeof target !== 'function') throw new ModelDefinitionError('f.link() takes a function returning the model: f.link(() => Company)');
    return new Field({ ...base, kind: 'link', target });
  },
};
