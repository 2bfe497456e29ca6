/**
 * @module The typed mapping over the catalogue: each type word becomes a TypeScript type, each
 * catalogue row a builder signature, and the `::` names a nested, camelCased namespace tree
 * (`string::distance::damerau_levenshtein` -> `string.distance.damerauLevenshtein`).
 */
import type { Datetime, Decimal, Duration, FileRef, Geometry, Range, RecordId, Table, Uuid } from '@sdb/protocol';
import type { FunctionName, catalogue } from './catalogue.ts';
import type { Arg, Expression } from './expression.ts';

/** A closure expression (see `closure()`); the only thing a `closure` argument accepts. */
export interface ClosureValue {
  readonly __closure: true;
}

/** What an argument of each type word accepts (besides an expression of it). */
export interface ArgumentTypes {
  any: unknown;
  array: readonly unknown[];
  bool: boolean;
  bytes: Uint8Array;
  closure: ClosureValue;
  datetime: Date | Datetime;
  'datetime[]': readonly Arg<Date | Datetime>[];
  duration: Duration;
  file: FileRef;
  geometry: Geometry;
  int: number | bigint;
  number: number | bigint | Decimal;
  'number[]': readonly Arg<number | bigint | Decimal>[];
  object: Readonly<Record<string, unknown>>;
  record: RecordId;
  ref: number;
  set: ReadonlySet<unknown> | readonly unknown[];
  string: string;
  'string[]': readonly Arg<string>[];
  uuid: Uuid;
}

/**
 * What the database returns for each result type word. `number` is a JS number; an integer
 * beyond 2^53 (e.g. from `rand::int()` or `time::nano()`) arrives as a `bigint` from the codec.
 */
export interface ResultTypes {
  any: unknown;
  array: unknown[];
  bool: boolean;
  bytes: Uint8Array;
  datetime: Datetime;
  decimal: Decimal;
  duration: Duration;
  file: FileRef;
  geometry: Geometry;
  none: undefined;
  number: number;
  'number[]': number[];
  object: Record<string, unknown>;
  range: Range;
  record: RecordId;
  set: Set<unknown>;
  string: string;
  'string[]': string[];
  table: Table;
  uuid: Uuid;
}

type Catalogue = typeof catalogue;

type ArgumentOf<W extends string> = W extends 'closure'
  ? Expression<ClosureValue>
  : W extends 'ref'
    ? number
    : Arg<W extends keyof ArgumentTypes ? ArgumentTypes[W] : unknown>;

/** The parameter list of a builder, from its argument type words. */
export type Arguments<W extends readonly string[]> = W extends readonly [infer H extends string, ...infer R extends readonly string[]]
  ? H extends `...${infer E}`
    ? ArgumentOf<E>[]
    : H extends `${infer E}?`
      ? [arg?: ArgumentOf<E>, ...Arguments<R>]
      : [arg: ArgumentOf<H>, ...Arguments<R>]
  : [];

type ResultOf<W> = W extends keyof ResultTypes ? ResultTypes[W] : unknown;

/** The builder for one function: typed arguments in, a typed expression out. */
export type FunctionBuilder<N extends FunctionName> = (...args: Arguments<Catalogue[N][0]>) => Expression<ResultOf<Catalogue[N][1]>>;

/** `snake_case` -> `camelCase`, the same rule as the runtime `camel()`. */
export type Camel<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;

type Children<P extends string> = FunctionName extends infer N
  ? N extends `${P}::${infer R}`
    ? R extends `${infer H}::${string}`
      ? H
      : R
    : never
  : never;

type Heads = FunctionName extends infer N ? (N extends `${infer H}::${string}` ? H : N) : never;

/** A namespace such as `string.distance`; callable too when a function has the same name (`rand()`, `array.sort()`). */
export type FunctionNamespace<P extends string> = (P extends FunctionName ? FunctionBuilder<P> : unknown) & {
  readonly [K in Children<P> as Camel<K>]: FunctionNamespace<`${P}::${K}`>;
};

/** Every built-in function, by namespace. */
export type Functions = { readonly [K in Heads as Camel<K>]: FunctionNamespace<K> };
