/**
 * @module Field paths and graph traversals: `field('address.city')`, `field(['odd.name'])`,
 * `traverse.out('knows').out('person').field('name')` (`->knows->person.name`). Every name is
 * validated and quoted by the printer; nothing is spliced raw.
 */
import { Expression, QueryBuildError, type OperationNode } from '@sdb/functions';

/** One step of a path. */
export type IdiomPart =
  | { readonly type: 'field'; readonly name: string }
  | { readonly type: 'index'; readonly index: number }
  | { readonly type: 'all' }
  | { readonly type: 'graph'; readonly direction: '->' | '<-' | '<->'; readonly tables: readonly string[] };

export interface IdiomNode extends OperationNode {
  readonly kind: 'idiom';
  readonly parts: readonly IdiomPart[];
}

/** A path: a string splits on `.` (`'address.city'`), an array gives the segments verbatim. */
export type Path = string | readonly (string | number)[];

function parts(path: Path): IdiomPart[] {
  const segments = typeof path === 'string' ? path.split('.') : path;
  if (segments.length === 0) throw new QueryBuildError('A field path needs at least one segment');
  return segments.map((segment): IdiomPart => {
    if (typeof segment === 'number') {
      if (!Number.isInteger(segment) || segment < 0) throw new QueryBuildError(`Array index must be a non-negative integer, got ${segment}`);
      return { type: 'index', index: segment };
    }
    return segment === '*' ? { type: 'all' } : { type: 'field', name: segment };
  });
}

/** A field path as an expression of type `T`. */
export class Idiom<T = any> extends Expression<T> {
  declare readonly node: IdiomNode;

  constructor(node: IdiomNode) {
    super(node);
  }

  /** `->table` (or `->(a, b)`) from here. */
  out(...tables: string[]): Idiom {
    return graphStep(this, '->', tables);
  }

  /** `<-table` from here. */
  in(...tables: string[]): Idiom {
    return graphStep(this, '<-', tables);
  }

  /** `<->table` from here. */
  both(...tables: string[]): Idiom {
    return graphStep(this, '<->', tables);
  }

  /** A sub-field: `.name`. */
  field<U = any>(path: Path): Idiom<U> {
    return new Idiom<U>({ kind: 'idiom', parts: [...this.node.parts, ...parts(path)] });
  }
}

function graphStep(from: Idiom, direction: '->' | '<-' | '<->', tables: string[]): Idiom {
  if (tables.length === 0) throw new QueryBuildError('A graph step needs at least one table');
  return new Idiom({ kind: 'idiom', parts: [...from.node.parts, { type: 'graph', direction, tables }] });
}

/** A field path: `field('age')`, `field<string>('address.city')`, `field(['tags', 0])`. */
export function field<T = any>(path: Path): Idiom<T> {
  return new Idiom<T>({ kind: 'idiom', parts: parts(path) });
}

const start = new Idiom({ kind: 'idiom', parts: [] });

/** Graph traversals from the current record: `traverse.out('knows').out('person')` is `->knows->person`. */
export const traverse = {
  out: (...tables: string[]): Idiom => start.out(...tables),
  in: (...tables: string[]): Idiom => start.in(...tables),
  both: (...tables: string[]): Idiom => start.both(...tables),
};
