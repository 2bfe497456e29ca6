/**
 * @module The types a model's declaration gives: the record type (`Infer<typeof Person>`), the
 * insert type (fields with a default, and optional ones, may be omitted), and the typed lookup
 * keys of `filter()` (`age__gte` only on comparable fields; a misspelled key is a compile error).
 */
import type { Datetime, GeometryMultiPolygon, GeometryPoint, GeometryPolygon, RecordId } from '@sdb/protocol';
import type { AtomicFor } from '../query/atomic.ts';
import type { AnyField, Field, LookupClass, Simplify } from './fields.ts';

/** A model's declared fields by name. */
export type FieldMap = Readonly<Record<string, AnyField>>;

type TypeOf<Fd> = Fd extends Field<infer T, any, any, any> ? T : never;
type IsOptional<Fd> = Fd extends Field<any, infer O, any, any> ? O : never;
type HasDefault<Fd> = Fd extends Field<any, any, infer D, any> ? D : never;
type IsComputed<Fd> = Fd extends { readonly _: { readonly computed: true } } ? true : false;
type LookupsOf<Fd> = Fd extends Field<any, any, any, infer L> ? L : never;

/** What a field accepts on write: a datetime may also be a JS `Date`. */
export type InputOf<T> = T extends Datetime ? Datetime | Date : T;

/** One record as read: `id` plus every field (optional fields are optional keys). */
export type RecordOf<N extends string, F extends FieldMap> = Simplify<
  { id: RecordId<N> } & { -readonly [K in keyof F as IsOptional<F[K]> extends true ? never : K]: TypeOf<F[K]> } & {
    -readonly [K in keyof F as IsOptional<F[K]> extends true ? K : never]?: TypeOf<F[K]>;
  }
>;

/** What `create()` takes: fields with a default and optional fields may be omitted, computed ones are left out; `id` picks the record id. */
export type InsertOf<N extends string, F extends FieldMap> = Simplify<
  { id?: RecordId<N> | string | number } & {
    -readonly [K in keyof F as IsOptional<F[K]> extends true ? never : HasDefault<F[K]> extends true ? never : K]: InputOf<TypeOf<F[K]>>;
  } & { -readonly [K in keyof F as IsComputed<F[K]> extends true ? never : IsOptional<F[K]> extends true ? K : HasDefault<F[K]> extends true ? K : never]?: InputOf<TypeOf<F[K]>> }
>;

/** What `merge()` and queryset `update()` take: any declared field, as a value or an atomic operation (`f.increment(1)`). */
export type PatchOf<F extends FieldMap> = { -readonly [K in keyof F as IsComputed<F[K]> extends true ? never : K]?: InputOf<TypeOf<F[K]>> | AtomicFor<TypeOf<F[K]>> };

/** Anything carrying a model's name and fields at type level (a model class). */
export interface ModelTypes<N extends string = string, F extends FieldMap = FieldMap> {
  readonly table: N;
  readonly fields: F;
}

/** `Infer<typeof Person>`: the record type of a model. */
export type Infer<M extends ModelTypes> = RecordOf<M['table'], M['fields']>;
/** `InferInsert<typeof Person>`: what `Person.objects.create()` takes. */
export type InferInsert<M extends ModelTypes> = InsertOf<M['table'], M['fields']>;

// ----- lookup keys -----

type Equality = 'exact' | 'in' | 'not_in' | 'isnull';
type Comparison = 'gt' | 'gte' | 'lt' | 'lte' | 'range';
type Text = 'match' | 'iexact' | 'contains' | 'not_contains' | 'icontains' | 'startswith' | 'istartswith' | 'endswith' | 'iendswith' | 'like' | 'ilike' | 'regex' | 'iregex';
type Membership = 'contains' | 'not_contains' | 'containsall' | 'containsany' | 'containsnone';

/** The lookups each lookup class takes. */
export interface LookupsByClass {
  text: Equality | Comparison | Text;
  ordered: Equality | Comparison;
  collection: 'exact' | 'isnull' | Membership;
  plain: Equality;
  geo: Equality | 'near' | 'within';
  any: Equality | Comparison | Text | Membership;
}

type ElementType<T> = T extends readonly (infer E)[] ? E : T extends Set<infer E> ? E : unknown;

/** The value a lookup takes on a field of type `T`. */
export type LookupValue<Lk, T> = Lk extends 'near'
  ? readonly [GeometryPoint, number]
  : Lk extends 'within'
    ? GeometryPolygon | GeometryMultiPolygon
    : Lk extends 'in' | 'not_in'
  ? readonly T[]
  : Lk extends 'isnull'
    ? boolean
    : Lk extends 'range'
      ? readonly [T, T]
      : Lk extends Text
        ? string
        : Lk extends 'containsall' | 'containsany' | 'containsnone'
          ? readonly ElementType<T>[]
          : Lk extends 'contains' | 'not_contains'
            ? T extends string ? string : ElementType<T>
            : InputOf<T>;

// ----- link targets, kept to a bounded depth -----

/**
 * How many links deep a link field's type keeps what it points at: `company__ceo__team__name`
 * (three hops) is typed. Deeper keys work at run time but are compile errors. The bound keeps a
 * model's type, as a .d.ts prints it, small: each link field embeds its target's fields, so
 * unbounded it grows with every chain of links (TS7056 with `declaration: true`).
 */
type LinkDepth = 0 | 1 | 2;
type Less = [0, 0, 1];

/**
 * A field as a link to its model keeps it: a link `D` levels further down keeps only its table.
 * The mapped types are written out, not named: a .d.ts prints a named one as its name and type
 * arguments, which would spell out every linked model in full again.
 */
type LinkedField<Fd, D extends LinkDepth> =
  Fd extends Field<infer T, infer O, infer H, infer L>
    ? L extends { readonly linkTarget: infer M extends ModelTypes }
      ? Field<T, O, H, { readonly linkTarget: D extends 0 ? { readonly table: M['table'] } : ModelTypes<M['table'], { readonly [K in keyof M['fields']]: LinkedField<M['fields'][K], Less[D]> }> }>
      : L extends { readonly objectShape: infer S extends FieldMap }
        ? Field<T, O, H, { readonly objectShape: { readonly [K in keyof S]: LinkedField<S[K], D> } }>
        : Fd
    : Fd;

/** What `f.link(() => M)` keeps of `M`: its table, and its fields with links two more levels deep. */
export type LinkedModel<M> = M extends ModelTypes ? ModelTypes<M['table'], { readonly [K in keyof M['fields']]: LinkedField<M['fields'][K], 2> }> : M;

// ----- lookup keys, checked one key at a time -----

/** A key's value type when the key names nothing the model has: a message saying so. */
type NoSuch<Owner extends string, Part extends string> = `${Owner} has no field or lookup "${Part}"`;

/** The lookups a field takes: by its lookup class; a link or a nested object takes equality lookups. */
type LookupNames<Fd> = LookupsOf<Fd> extends LookupClass ? LookupsByClass[LookupsOf<Fd>] : Equality;

/**
 * `Rest` after a field's `__`: a key of what the field leads to (a link's target, a nested
 * object's keys), as at run time; otherwise one of the field's lookups.
 */
type AfterField<Owner extends string, Name extends string, Fd, Rest extends string> =
  LookupsOf<Fd> extends { readonly linkTarget: infer M }
    ? M extends ModelTypes
      ? (FirstPart<Rest> extends keyof M['fields'] | 'id' ? LookupValueAt<M['table'], M['fields'], Rest> : FieldLookup<Owner, Fd, Rest>)
      : Rest extends LookupNames<Fd> ? FieldLookup<Owner, Fd, Rest> : `${Owner}.${Name} is more links deep than lookup keys are typed (three)`
    : LookupsOf<Fd> extends { readonly objectShape: infer S extends FieldMap }
      ? (FirstPart<Rest> extends keyof S ? LookupValueAt<Owner, S, Rest> : FieldLookup<Owner, Fd, Rest>)
      : FieldLookup<Owner, Fd, Rest>;

type FirstPart<K extends string> = K extends `${infer Head}__${string}` ? Head : K;

type FieldLookup<Owner extends string, Fd, Lk extends string> = Lk extends LookupNames<Fd> ? LookupValue<Lk, TypeOf<Fd>> : NoSuch<Owner, Lk>;

/**
 * The value `filter()` takes under `key` on a model (table `N`, fields `F`): `age__gte` a number,
 * `company__name__istartswith` a string (record links followed, nested objects entered), and for
 * a key naming nothing the model has, a message type saying so (so the value is a compile error).
 * Computed from the key itself, so its cost is the keys used, not the size of the schema.
 */
export type LookupValueAt<N extends string, F extends FieldMap, K extends string> =
  K extends keyof F ? InputOf<TypeOf<F[K]>>
  : K extends 'id' ? RecordId<N>
  : K extends `${infer Head}__${infer Rest}`
    ? Head extends keyof F ? AfterField<N, Head, F[Head], Rest>
      : Head extends 'id' ? (Rest extends Equality ? LookupValue<Rest, RecordId<N>> : NoSuch<N, Rest>)
      // Through an edge's end (`knows__out__name`, ../relations/edge-lookups.ts): which edges a model has is known when the query runs.
      : Rest extends `${'in' | 'out'}__${string}` ? unknown
      : NoSuch<N, Head>
    : NoSuch<N, K>;

/** A lookup object `L` as `filter()` checks it against a model: each of its keys with the value type the model gives it. */
export type Lookups<N extends string, F extends FieldMap, L> = { [K in keyof L]: K extends string ? LookupValueAt<N, F, K> : never };

/** The keys `orderBy()` takes: a field, or `-field` for descending. */
export type OrderKey<F extends FieldMap> = (keyof F & string) | 'id' | `-${(keyof F & string) | 'id'}`;
