/**
 * @module The condition and operator language: comparisons, logic, set membership, full-text
 * `@@`, KNN `<|k|>`, geometry operators and arithmetic. Usable in WHERE, SET, fields, anywhere
 * an expression goes, and mixable with @sdb/functions calls. A string on the left is a field
 * path; everything on the right is a value and is bound.
 */
import { Expression, QueryBuildError, toNode, type OperationNode } from '@sdb/functions/core';
import type { RecordId } from '@sdb/protocol';
import { field, type Path } from './idiom.ts';

/** Binary operators by precedence group; the printer adds parentheses from these. */
export const OPERATORS = {
  '||': 1, '&&': 1, OR: 1, AND: 1,
  '=': 2, '!=': 2, '==': 2, '>': 2, '>=': 2, '<': 2, '<=': 2,
  INSIDE: 2, NOTINSIDE: 2, CONTAINS: 2, CONTAINSNOT: 2, CONTAINSALL: 2, CONTAINSANY: 2, CONTAINSNONE: 2,
  ALLINSIDE: 2, ANYINSIDE: 2, NONEINSIDE: 2, OUTSIDE: 2, INTERSECTS: 2,
  '??': 3, '?:': 3,
  '+': 4, '-': 4, '*': 5, '/': 5, '%': 5, '**': 6,
} as const;

export type Operator = keyof typeof OPERATORS;

export interface BinaryNode extends OperationNode {
  readonly kind: 'binary';
  readonly op: Operator;
  readonly left: OperationNode;
  readonly right: OperationNode;
}

export interface NotNode extends OperationNode {
  readonly kind: 'not';
  readonly operand: OperationNode;
}

export interface MatchesNode extends OperationNode {
  readonly kind: 'matches';
  readonly left: OperationNode;
  readonly ref: number | undefined;
  readonly right: OperationNode;
}

export interface KnnNode extends OperationNode {
  readonly kind: 'knn';
  readonly left: OperationNode;
  readonly k: number;
  /** A distance name (`EUCLIDEAN`...) for brute force, or `ef` for an HNSW index. */
  readonly param: string | number | undefined;
  readonly right: OperationNode;
}

/** The left side of a condition: a field path or any expression. */
export type Operand = Path | Expression;

export function operand(value: Operand): OperationNode {
  return typeof value === 'string' || Array.isArray(value) ? field(value as Path).node : (value as Expression).node;
}

export function binary<T = boolean>(op: Operator, left: Operand, right: unknown): Expression<T> {
  const node: BinaryNode = { kind: 'binary', op, left: operand(left), right: toNode(right) };
  return new Expression<T>(node);
}

/**
 * How a condition uses a field of the row: `compare` (the value has the field's type), `in` (the
 * value is a list of such), `contains` (the field is a list, or a string, holding the value),
 * `overlap` (both are lists of the same thing), `exists` (only the field's name is known).
 */
export type FieldUseMode = 'compare' | 'in' | 'contains' | 'overlap' | 'exists';

/** What a condition says about the row it filters: a field path, how it is used, the value's type. */
export interface FieldUse<P extends string = string, M extends FieldUseMode = FieldUseMode, V = unknown> {
  readonly path: P;
  readonly mode: M;
  readonly value: V;
}

/**
 * A boolean expression that remembers, as a phantom type `U`, which fields (given by name) it
 * compares with which values, so a builder with a row type can check them (`Fits`). Every
 * condition is an `Expression<boolean>` and the other way round.
 */
export interface Condition<U extends FieldUse = never> extends Expression<boolean> {
  readonly __uses?: U;
}

/** The field uses of a condition (none for a plain expression). */
export type UsesOf<C> = C extends { readonly __uses?: infer U } ? (unknown extends U ? never : Exclude<U, undefined>) : never;

/** Marks a path step that does not exist in the row type. */
interface Missing<K extends string> {
  readonly __missing: K;
}

/** The type at one step of a path: through lists (as the engine maps paths over arrays), not into record links. */
type Step<T, K extends string> = 0 extends 1 & T
  ? any
  : T extends RecordId
    ? any
    : T extends readonly (infer E)[]
      ? K extends '*' ? E : Step<E, K>
      : T extends null | undefined
        ? undefined
        : T extends object
          ? K extends keyof T ? T[K] : Missing<K>
          : Missing<K>;

/** The type a dotted path (`'address.city'`) has in `T`, with `Missing` where a step is not there. */
export type PathValue<T, P extends string> = P extends `${infer H}.${infer R}` ? PathValue<Exclude<Step<T, H>, Missing<H>>, R> | Extract<Step<T, H>, Missing<string>> : Step<T, P>;

type Unwrap<V> = V extends Expression<infer X> ? X : V;
type Element<V> = V extends readonly (infer E)[] ? E : V extends string ? string : never;
/** Either type fits in the other (a literal and its field's union, `null` and a nullable field), lists element-wise. */
type Compatible<A, B> = 0 extends 1 & A
  ? true
  : 0 extends 1 & B
    ? true
    : [A] extends [B]
      ? true
      : [B] extends [A]
        ? true
        : [A, B] extends [readonly unknown[], readonly unknown[]]
          ? Compatible<Element<A>, Element<B>>
          : false;

type UseFits<F, M extends FieldUseMode, V> = M extends 'compare'
  ? Compatible<V, F>
  : M extends 'in'
    ? Compatible<Element<V>, F>
    : M extends 'contains'
      ? Compatible<V, Element<F>>
      : M extends 'overlap'
        ? Compatible<Element<V>, Element<Exclude<F, null | undefined>>>
        : true;

type Problem<T, U> = U extends FieldUse<infer P, infer M, infer V>
  ? PathValue<T, P> extends infer F
    ? 0 extends 1 & F
      ? never
      : [Extract<F, Missing<string>>] extends [never]
        ? UseFits<F, M, Unwrap<V>> extends true ? never : `${P}: the value does not have the field's type`
        : `${P}: no such field`
    : never
  : never;

/**
 * `unknown` when every field a condition names exists in the row type `T` with a type its value
 * fits; otherwise an object type naming the problems, so that passing the condition fails to
 * compile. An untyped row (`Record<string, unknown>`, any index signature) checks nothing.
 */
export type Fits<T, C> = string extends keyof T ? unknown : [Problem<T, UsesOf<C>>] extends [never] ? unknown : { readonly 'condition does not fit the row type': Problem<T, UsesOf<C>> };

type Use<L, M extends FieldUseMode, V> = L extends string ? FieldUse<L, M, V> : never;

function comparison<M extends FieldUseMode>(op: Operator) {
  return <L extends Operand, const V>(left: L, right: V): Condition<Use<L, M, V>> => binary(op, left, right);
}

export const eq = /*#__PURE__*/ comparison<'compare'>('=');
export const ne = /*#__PURE__*/ comparison<'compare'>('!=');
/** `==`: equal in value and type. */
export const exactEq = /*#__PURE__*/ comparison<'compare'>('==');
export const gt = /*#__PURE__*/ comparison<'compare'>('>');
export const gte = /*#__PURE__*/ comparison<'compare'>('>=');
export const lt = /*#__PURE__*/ comparison<'compare'>('<');
export const lte = /*#__PURE__*/ comparison<'compare'>('<=');
export const inside = /*#__PURE__*/ comparison<'in'>('INSIDE');
export const notInside = /*#__PURE__*/ comparison<'in'>('NOTINSIDE');
export const contains = /*#__PURE__*/ comparison<'contains'>('CONTAINS');
export const containsNot = /*#__PURE__*/ comparison<'contains'>('CONTAINSNOT');
export const containsAll = /*#__PURE__*/ comparison<'overlap'>('CONTAINSALL');
export const containsAny = /*#__PURE__*/ comparison<'overlap'>('CONTAINSANY');
export const containsNone = /*#__PURE__*/ comparison<'overlap'>('CONTAINSNONE');
export const allInside = /*#__PURE__*/ comparison<'overlap'>('ALLINSIDE');
export const anyInside = /*#__PURE__*/ comparison<'overlap'>('ANYINSIDE');
export const noneInside = /*#__PURE__*/ comparison<'overlap'>('NONEINSIDE');
/** Geometry: `left OUTSIDE right`. */
export const outside = /*#__PURE__*/ comparison<'exists'>('OUTSIDE');
/** Geometry: `left INTERSECTS right`. */
export const intersects = /*#__PURE__*/ comparison<'exists'>('INTERSECTS');

/** Arithmetic, e.g. in SET or fields: `add('score', 1)` is `score + $p0`. */
export const add = <T = number>(left: Operand, right: unknown): Expression<T> => binary<T>('+', left, right);
export const sub = <T = number>(left: Operand, right: unknown): Expression<T> => binary<T>('-', left, right);
export const mul = <T = number>(left: Operand, right: unknown): Expression<T> => binary<T>('*', left, right);
export const div = <T = number>(left: Operand, right: unknown): Expression<T> => binary<T>('/', left, right);
/** `??`: the left value unless it is NONE/NULL. */
export const coalesce = <T = unknown>(left: Operand, right: unknown): Expression<T> => binary<T>('??', left, right);

/** The result of `and`/`or`: `undefined` ("no condition") only when every argument may be `undefined`. */
type Logical<C extends readonly unknown[]> = Condition<UsesOf<C[number]>> | (AllOptional<C> extends true ? undefined : never);
type AllOptional<C extends readonly unknown[]> = C extends readonly [infer H, ...infer R] ? (undefined extends H ? AllOptional<R> : false) : true;

function logical(op: 'AND' | 'OR', conditions: readonly (Expression<boolean> | undefined)[]): Condition<any> | undefined {
  const present = conditions.filter((c): c is Expression<boolean> => c !== undefined);
  if (present.length === 0) return undefined;
  return present.slice(1).reduce<Expression<boolean>>((acc, c) => new Expression({ kind: 'binary', op, left: acc.node, right: c.node } as BinaryNode), present[0]!);
}

/**
 * All conditions hold. `undefined` entries are skipped, handy for optional filters; with none
 * left the result is `undefined`, "no condition", which `where` ignores.
 */
export function and<C extends readonly (Expression<boolean> | undefined)[]>(...conditions: C): Logical<C> {
  return logical('AND', conditions) as Logical<C>;
}

/** Any condition holds; skips `undefined` entries as `and` does (none left: `undefined`). */
export function or<C extends readonly (Expression<boolean> | undefined)[]>(...conditions: C): Logical<C> {
  return logical('OR', conditions) as Logical<C>;
}

/** `!(condition)`. */
export function not<C extends Expression>(condition: C): Condition<UsesOf<C>> {
  const node: NotNode = { kind: 'not', operand: condition.node };
  return new Expression(node);
}

/** What `where` stores after another `where`: both conditions, ANDed (`undefined` adds nothing). */
export function conjoin(existing: OperationNode | undefined, added: Expression<boolean> | undefined): OperationNode | undefined {
  if (added === undefined) return existing;
  if (existing === undefined) return added.node;
  const node: BinaryNode = { kind: 'binary', op: 'AND', left: existing, right: added.node };
  return node;
}

/** Full-text search: `left @@ query`, or `left @ref@ query` to read the score/highlights with search::*(ref). */
export function matches<L extends Operand>(left: L, query: unknown, ref?: number): Condition<Use<L, 'exists', unknown>> {
  if (ref !== undefined && (!Number.isInteger(ref) || ref < 0 || ref > 255)) throw new QueryBuildError(`A match reference is an integer 0..255, got ${ref}`);
  const node: MatchesNode = { kind: 'matches', left: operand(left), ref, right: toNode(query) };
  return new Expression(node);
}

const DISTANCES = ['CHEBYSHEV', 'COSINE', 'EUCLIDEAN', 'HAMMING', 'JACCARD', 'MANHATTAN', 'MINKOWSKI', 'PEARSON'] as const;
export type Distance = (typeof DISTANCES)[number];

/**
 * Nearest neighbours: `left <|k|> vector` (HNSW index), `<|k,ef|>` with `{ ef }`, or brute force
 * `<|k,EUCLIDEAN|>` with `{ distance }`.
 */
export function knn<L extends Operand>(left: L, vector: unknown, k: number, options: { ef?: number; distance?: Distance } = {}): Condition<Use<L, 'exists', unknown>> {
  if (!Number.isInteger(k) || k <= 0) throw new QueryBuildError(`knn k must be a positive integer, got ${k}`);
  if (options.ef !== undefined && (!Number.isInteger(options.ef) || options.ef <= 0)) throw new QueryBuildError(`knn ef must be a positive integer, got ${options.ef}`);
  if (options.distance !== undefined && !DISTANCES.includes(options.distance)) throw new QueryBuildError(`Unknown knn distance ${String(options.distance)}`);
  const node: KnnNode = { kind: 'knn', left: operand(left), k, param: options.distance ?? options.ef, right: toNode(vector) };
  return new Expression(node);
}
