/**
 * @module The condition and operator language: comparisons, logic, set membership, full-text
 * `@@`, KNN `<|k|>`, geometry operators and arithmetic. Usable in WHERE, SET, fields, anywhere
 * an expression goes, and mixable with @sdb/functions calls. A string on the left is a field
 * path; everything on the right is a value and is bound.
 */
import { Expression, QueryBuildError, toNode, type OperationNode } from '@sdb/functions';
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

type Condition = Expression<boolean>;

export const eq = (left: Operand, right: unknown): Condition => binary('=', left, right);
export const ne = (left: Operand, right: unknown): Condition => binary('!=', left, right);
/** `==`: equal in value and type. */
export const exactEq = (left: Operand, right: unknown): Condition => binary('==', left, right);
export const gt = (left: Operand, right: unknown): Condition => binary('>', left, right);
export const gte = (left: Operand, right: unknown): Condition => binary('>=', left, right);
export const lt = (left: Operand, right: unknown): Condition => binary('<', left, right);
export const lte = (left: Operand, right: unknown): Condition => binary('<=', left, right);
export const inside = (left: Operand, right: unknown): Condition => binary('INSIDE', left, right);
export const notInside = (left: Operand, right: unknown): Condition => binary('NOTINSIDE', left, right);
export const contains = (left: Operand, right: unknown): Condition => binary('CONTAINS', left, right);
export const containsNot = (left: Operand, right: unknown): Condition => binary('CONTAINSNOT', left, right);
export const containsAll = (left: Operand, right: unknown): Condition => binary('CONTAINSALL', left, right);
export const containsAny = (left: Operand, right: unknown): Condition => binary('CONTAINSANY', left, right);
export const containsNone = (left: Operand, right: unknown): Condition => binary('CONTAINSNONE', left, right);
export const allInside = (left: Operand, right: unknown): Condition => binary('ALLINSIDE', left, right);
export const anyInside = (left: Operand, right: unknown): Condition => binary('ANYINSIDE', left, right);
export const noneInside = (left: Operand, right: unknown): Condition => binary('NONEINSIDE', left, right);
/** Geometry: `left OUTSIDE right`. */
export const outside = (left: Operand, right: unknown): Condition => binary('OUTSIDE', left, right);
/** Geometry: `left INTERSECTS right`. */
export const intersects = (left: Operand, right: unknown): Condition => binary('INTERSECTS', left, right);

/** Arithmetic, e.g. in SET or fields: `add('score', 1)` is `score + $p0`. */
export const add = <T = number>(left: Operand, right: unknown): Expression<T> => binary<T>('+', left, right);
export const sub = <T = number>(left: Operand, right: unknown): Expression<T> => binary<T>('-', left, right);
export const mul = <T = number>(left: Operand, right: unknown): Expression<T> => binary<T>('*', left, right);
export const div = <T = number>(left: Operand, right: unknown): Expression<T> => binary<T>('/', left, right);
/** `??`: the left value unless it is NONE/NULL. */
export const coalesce = <T = unknown>(left: Operand, right: unknown): Expression<T> => binary<T>('??', left, right);

function logical(op: 'AND' | 'OR', conditions: (Condition | undefined)[]): Condition {
  const present = conditions.filter((c): c is Condition => c !== undefined);
  if (present.length === 0) throw new QueryBuildError(`${op.toLowerCase()}() needs at least one condition`);
  return present.slice(1).reduce<Condition>((acc, c) => new Expression({ kind: 'binary', op, left: acc.node, right: c.node } as BinaryNode), present[0]!);
}

/** All conditions hold (undefined entries are skipped, handy for optional filters). */
export const and = (...conditions: (Condition | undefined)[]): Condition => logical('AND', conditions);
/** Any condition holds. */
export const or = (...conditions: (Condition | undefined)[]): Condition => logical('OR', conditions);
/** `!(condition)`. */
export function not(condition: Expression): Condition {
  const node: NotNode = { kind: 'not', operand: condition.node };
  return new Expression(node);
}

/** Full-text search: `left @@ query`, or `left @ref@ query` to read the score/highlights with search::*(ref). */
export function matches(left: Operand, query: unknown, ref?: number): Condition {
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
export function knn(left: Operand, vector: unknown, k: number, options: { ef?: number; distance?: Distance } = {}): Condition {
  if (!Number.isInteger(k) || k <= 0) throw new QueryBuildError(`knn k must be a positive integer, got ${k}`);
  if (options.ef !== undefined && (!Number.isInteger(options.ef) || options.ef <= 0)) throw new QueryBuildError(`knn ef must be a positive integer, got ${options.ef}`);
  if (options.distance !== undefined && !DISTANCES.includes(options.distance)) throw new QueryBuildError(`Unknown knn distance ${String(options.distance)}`);
  const node: KnnNode = { kind: 'knn', left: operand(left), k, param: options.distance ?? options.ef, right: toNode(vector) };
  return new Expression(node);
}
