/**
 * @module Field paths and graph traversals: `field('address.city')`, `field(['odd.name'])`,
 * `traverse.out('knows').out('person').field('name')` (`->knows->person.name`),
 * `traverse.out('knows', gt('since', 2020))` (`->(knows WHERE since > $p0)`),
 * `traverse.recurse(traverse.out('knows').out('person'), { max: 3 })` (`@.{1..3+collect}(->knows->person)`). Every name is
 * validated and quoted by the printer; nothing is spliced raw.
 */
import { Expression, QueryBuildError, type OperationNode } from '@sdb/functions/core';

/** One step of a path. */
export type IdiomPart =
  | { readonly type: 'field'; readonly name: string }
  | { readonly type: 'index'; readonly index: number }
  | { readonly type: 'all' }
  | {
      readonly type: 'graph';
      readonly direction: '->' | '<-' | '<->';
      readonly tables: readonly string[];
      readonly where: OperationNode | undefined;
    }
  /** `.{min..max+collect}(path)`: `path` repeated from `min` to `max` times, every record reached collected once. */
  | { readonly type: 'recurse'; readonly min: number; readonly max: number; readonly path: readonly IdiomPart[] };

export interface IdiomNode extends OperationNode {
  readonly kind: 'idiom';
  readonly parts: readonly IdiomPart[];
}

/**
 * A path: a string splits on `.` (`'address.city'`, `'tags.*'` with `*` for every element), an
 * array gives the segments verbatim (`['*']` is a field named `*`).
 */
export type Path = string | readonly (string | number)[];

function parts(path: Path): IdiomPart[] {
  const segments = typeof path === 'string' ? path.split('.') : path;
  if (segments.length === 0) throw new QueryBuildError('A field path needs at least one segment');
  return segments.map((segment): IdiomPart => {
    if (typeof segment === 'number') {
      if (!Number.isInteger(segment) || segment < 0) throw new QueryBuildError(`Array index must be a non-negative integer, got ${segment}`);
      return { type: 'index', index: segment };
    }
    return segment === '*' && typeof path === 'string' ? { type: 'all' } : { type: 'field', name: segment };
  });
}

/** A field path as an expression of type `T`. */
export class Idiom<T = any> extends Expression<T> {
  declare readonly node: IdiomNode;

  constructor(node: IdiomNode) {
    super(node);
  }

  /** `->table`, `->(a, b)` for several tables, `->(table WHERE condition)` to filter. */
  out(tables: string | readonly string[], where?: Expression<boolean>): Idiom {
    return graphStep(this, '->', tables, where);
  }

  /** `<-table`, with the same options as `out`. */
  in(tables: string | readonly string[], where?: Expression<boolean>): Idiom {
    return graphStep(this, '<-', tables, where);
  }

  /** `<->table`, with the same options as `out`. */
  both(tables: string | readonly string[], where?: Expression<boolean>): Idiom {
    return graphStep(this, '<->', tables, where);
  }

  /**
   * `.{min..max+collect}(path)`: follows `path` (graph steps such as `traverse.out('knows').out('person')`)
   * again and again, `min` to `max` times (at most 256), and answers every distinct record reached
   * on the way; from the current record (`traverse.recurse(...)`) it prints `@.{…}(…)`.
   */
  recurse(path: Idiom, depth: { readonly min?: number; readonly max: number }): Idiom {
    const min = depth.min ?? 1;
    const { max } = depth;
    recursionDepth(min);
    recursionDepth(max);
    if (min > max) throw new QueryBuildError(`A recursion's min depth (${min}) is above its max (${max})`);
    if (path.node.parts.length === 0) throw new QueryBuildError('A recursion needs a path to repeat');
    return new Idiom({ kind: 'idiom', parts: [...this.node.parts, { type: 'recurse', min, max, path: path.node.parts }] });
  }

  /** A sub-field: `.name`. */
  field<U = any>(path: Path): Idiom<U> {
    return new Idiom<U>({ kind: 'idiom', parts: [...this.node.parts, ...parts(path)] });
  }
}

/** A recursion bound, checked (by the builder, and again by the compiler for hand-made nodes). */
export function recursionDepth(bound: unknown): number {
  if (typeof bound !== 'number' || !Number.isInteger(bound) || bound < 1 || bound > 256) throw new QueryBuildError(`A recursion depth is an integer 1..256, got ${String(bound)}`);
  return bound;
}

function graphStep(from: Idiom, direction: '->' | '<-' | '<->', tables: string | readonly string[], where: Expression<boolean> | undefined): Idiom {
  const list = typeof tables === 'string' ? [tables] : [...tables];
  if (list.length === 0) throw new QueryBuildError('A graph step needs at least one table');
  return new Idiom({ kind: 'idiom', parts: [...from.node.parts, { type: 'graph', direction, tables: list, where: where?.node }] });
}

/** A field path: `field('age')`, `field<string>('address.city')`, `field(['tags', 0])`. */
export function field<T = any>(path: Path): Idiom<T> {
  return new Idiom<T>({ kind: 'idiom', parts: parts(path) });
}

const start = /*#__PURE__*/ new Idiom({ kind: 'idiom', parts: [] });

/** Graph traversals from the current record: `traverse.out('knows').out('person')` is `->knows->person`. */
export const traverse = {
  out: (tables: string | readonly string[], where?: Expression<boolean>): Idiom => start.out(tables, where),
  in: (tables: string | readonly string[], where?: Expression<boolean>): Idiom => start.in(tables, where),
  both: (tables: string | readonly string[], where?: Expression<boolean>): Idiom => start.both(tables, where),
  recurse: (path: Idiom, depth: { readonly min?: number; readonly max: number }): Idiom => start.recurse(path, depth),
};
