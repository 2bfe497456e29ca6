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
type Text = 'iexact' | 'contains' | 'not_contains' | 'icontains' | 'startswith' | 'istartswith' | 'endswith' | 'iendswith' | 'like' | 'ilike' | 'regex' | 'iregex';
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

type Prev = [never, 0, 1, 2];

type FieldEntries<K extends string, Fd, Depth extends number> =
  LookupsOf<Fd> extends { readonly linkTarget: infer M }
    ? | [K, TypeOf<Fd>]
      | { [Lk in Equality]: [`${K}__${Lk}`, LookupValue<Lk, TypeOf<Fd>>] }[Equality]
      | ([Depth] extends [never] ? never : M extends ModelTypes ? ModelEntries<`${K}__`, M['fields'], Prev[Depth]> : never)
    : LookupsOf<Fd> extends { readonly objectShape: infer S extends FieldMap }
      ? | [K, InputOf<TypeOf<Fd>>]
        | { [Lk in Equality]: [`${K}__${Lk}`, LookupValue<Lk, TypeOf<Fd>>] }[Equality]
        | ([Depth] extends [never] ? never : { [P in keyof S & string]: FieldEntries<`${K}__${P}`, S[P], Prev[Depth]> }[keyof S & string])
    : LookupsOf<Fd> extends LookupClass
      ? [K, InputOf<TypeOf<Fd>>] | { [Lk in LookupsByClass[LookupsOf<Fd>]]: [`${K}__${Lk}`, LookupValue<Lk, TypeOf<Fd>>] }[LookupsByClass[LookupsOf<Fd>]]
      : never;

type ModelEntries<Prefix extends string, F extends FieldMap, Depth extends number> =
  | { [K in keyof F & string]: FieldEntries<`${Prefix}${K}`, F[K], Depth> }[keyof F & string]
  | [`${Prefix}id`, RecordId] | [`${Prefix}id__in`, readonly RecordId[]];

/**
 * The keys `filter()`/`exclude()`/`get()` take: fields, `field__lookup`, and (two levels deep)
 * across links `link__field__lookup` and into nested objects `object__key__lookup`.
 */
export type Lookups<N extends string, F extends FieldMap> = {
  [E in ModelEntries<'', F, 2> as E[0]]?: E[0] extends 'id' ? RecordId<N> : E[1];
};

/** The keys `orderBy()` takes: a field, or `-field` for descending. */
export type OrderKey<F extends FieldMap> = (keyof F & string) | 'id' | `-${(keyof F & string) | 'id'}`;
