/**
 * @module CREATE, UPDATE, UPSERT, DELETE, INSERT and RELATE. Clause order follows SurrealDB 3's
 * parser (`core/src/syn/parser/stmt/{create,update,upsert,delete,insert,relate}.rs`, v3.0.2;
 * RELATE's UNIQUE keyword is parsed but ignored there, so it is not offered).
 */
import { QueryBuildError, toNode, type Expression, type OperationNode } from '@sdb/functions/core';
import { assignments, conflict, durationLiteral, output, target, targets, type AssignOp, type Assignment, type Output, type OutputNode, type Target } from '../clauses.ts';
import { conjoin, type Fits } from '../conditions.ts';
import { field, type Path } from '../idiom.ts';
import { Statement } from '../statement.ts';
import { DataStatement, type DataStatementNode } from './data.ts';

export interface CreateNode extends DataStatementNode {
  readonly kind: 'create';
  readonly only: boolean;
  readonly what: readonly OperationNode[];
  readonly version: OperationNode | undefined;
}

/** `One` is set by `.only()`: the created record instead of an array of them. */
export class CreateQuery<T = Record<string, unknown>, One extends boolean = false> extends DataStatement<One extends true ? T : T[], CreateNode> {
  only(): CreateQuery<T, true> {
    return this.next({ only: true });
  }

  version(at: unknown): this {
    return this.next({ version: toNode(at) });
  }
}

/** `CREATE <target>`: a table name, a `RecordId`, a `Table`... */
export function create<T = Record<string, unknown>>(...what: Target[]): CreateQuery<T> {
  return new CreateQuery<T>({ kind: 'create', only: false, what: targets(what), data: undefined, output: undefined, timeout: undefined, version: undefined });
}

export interface UpdateNode extends DataStatementNode {
  readonly kind: 'update' | 'upsert';
  readonly only: boolean;
  readonly what: readonly OperationNode[];
  readonly with: readonly string[] | 'NOINDEX' | undefined;
  readonly where: OperationNode | undefined;
  readonly explain: boolean;
}

/** `One` is set by `.only()`: one record, or `undefined` when UPDATE matched none. */
export class UpdateQuery<T = Record<string, unknown>, One extends boolean = false> extends DataStatement<One extends true ? T | undefined : T[], UpdateNode> {
  only(): UpdateQuery<T, true> {
    return this.next({ only: true });
  }

  /** `WITH INDEX a, b`; calls add up. */
  withIndex(...indexes: string[]): this {
    if (this.node.with === 'NOINDEX') conflict('withIndex()', 'noIndex()');
    return this.next({ with: [...(this.node.with ?? []), ...indexes] });
  }

  noIndex(): this {
    if (this.node.with !== undefined && this.node.with !== 'NOINDEX') conflict('noIndex()', 'withIndex()');
    return this.next({ with: 'NOINDEX' });
  }

  /** Filters the records to change; a second `where` ANDs with the first (see `SelectQuery.where`). */
  where<C extends Expression<boolean> | undefined>(condition: C & Fits<T, C>): this {
    return this.next({ where: conjoin(this.node.where, condition) });
  }

  explain(): UpdateQuery<Record<string, unknown>> {
    return this.next({ explain: true });
  }
}

function updateLike<T>(kind: 'update' | 'upsert', what: Target[]): UpdateQuery<T> {
  return new UpdateQuery<T>({ kind, only: false, what: targets(what), with: undefined, where: undefined, data: undefined, output: undefined, timeout: undefined, explain: false });
}

export function update<T = Record<string, unknown>>(...what: Target[]): UpdateQuery<T> {
  return updateLike<T>('update', what);
}

export function upsert<T = Record<string, unknown>>(...what: Target[]): UpdateQuery<T> {
  return updateLike<T>('upsert', what);
}

export interface DeleteNode extends OperationNode {
  readonly kind: 'delete';
  readonly only: boolean;
  readonly what: readonly OperationNode[];
  readonly with: readonly string[] | 'NOINDEX' | undefined;
  readonly where: OperationNode | undefined;
  readonly output: OutputNode | undefined;
  readonly timeout: string | undefined;
  readonly explain: boolean;
}

/**
 * DELETE returns nothing (`[]`) unless `.return()` asks for records of type `T`; `One` is set by
 * `.only()`: one record or `undefined`.
 */
export class DeleteQuery<T = never, One extends boolean = false> extends Statement<One extends true ? T | undefined : T[], DeleteNode> {
  only(): DeleteQuery<T, true> {
    return this.next({ only: true });
  }

  /** Filters the records to delete; a second `where` ANDs with the first. */
  where(condition: Expression<boolean> | undefined): this {
    return this.next({ where: conjoin(this.node.where, condition) });
  }

  /** `RETURN BEFORE | DIFF | fields...`: a second call replaces the first. */
  return<U = Record<string, unknown>>(what: Output): DeleteQuery<U, One> {
    return this.next({ output: output(what) });
  }

  timeout(duration: string | { toString(): string }): this {
    return this.next({ timeout: durationLiteral(duration) });
  }

  explain(): this {
    return this.next({ explain: true });
  }
}

/** `DELETE <target>` (`delete` is a JavaScript keyword, hence the name). */
export function deleteFrom(...what: Target[]): DeleteQuery {
  return new DeleteQuery({ kind: 'delete', only: false, what: targets(what), with: undefined, where: undefined, output: undefined, timeout: undefined, explain: false });
}

export interface InsertNode extends OperationNode {
  readonly kind: 'insert';
  readonly relation: boolean;
  readonly ignore: boolean;
  readonly into: OperationNode | undefined;
  readonly data: OperationNode | { readonly fields: readonly OperationNode[]; readonly rows: readonly (readonly OperationNode[])[] };
  readonly onDuplicate: readonly Assignment[];
  readonly output: OutputNode | undefined;
  readonly timeout: string | undefined;
}

export class InsertQuery<T = Record<string, unknown>> extends Statement<T[], InsertNode> {
  /** `INSERT RELATION`: the rows are edges with `in` and `out`. */
  relation(): this {
    return this.next({ relation: true });
  }

  /** `INSERT IGNORE`: skip rows whose id already exists. */
  ignore(): this {
    return this.next({ ignore: true });
  }

  /** `ON DUPLICATE KEY UPDATE a = $p0, ...` (or one `path op value`). */
  onDuplicate(values: Record<string, unknown>): this;
  onDuplicate(path: Path, op: AssignOp, value: unknown): this;
  onDuplicate(first: Record<string, unknown> | Path, op?: AssignOp, value?: unknown): this {
    const added = op === undefined ? assignments(first as Record<string, unknown>) : [{ field: field(first as Path).node, op, value: toNode(value) }];
    return this.next({ onDuplicate: [...this.node.onDuplicate, ...added] });
  }

  /** `RETURN ...`: a second call replaces the first. */
  return(what: Output): this {
    return this.next({ output: output(what) });
  }

  timeout(duration: string | { toString(): string }): this {
    return this.next({ timeout: durationLiteral(duration) });
  }
}

/** `INSERT INTO <table> <rows>`: one object or an array of them, bound as one parameter. */
export function insert<T = Record<string, unknown>>(into: Target | undefined, rows: unknown): InsertQuery<T> {
  return new InsertQuery<T>({ kind: 'insert', relation: false, ignore: false, into: into === undefined ? undefined : target(into), data: toNode(rows), onDuplicate: [], output: undefined, timeout: undefined });
}

/** `INSERT INTO <table> (a, b) VALUES ($p0, $p1), (...)`. */
export function insertValues<T = Record<string, unknown>>(into: Target, fields: readonly Path[], rows: readonly (readonly unknown[])[]): InsertQuery<T> {
  if (rows.length === 0) throw new QueryBuildError('INSERT ... VALUES needs at least one row');
  for (const row of rows) if (row.length !== fields.length) throw new QueryBuildError(`Each VALUES row needs ${fields.length} values, got ${row.length}`);
  return new InsertQuery<T>({
    kind: 'insert',
    relation: false,
    ignore: false,
    into: target(into),
    data: { fields: fields.map((f) => field(f).node), rows: rows.map((row) => row.map(toNode)) },
    onDuplicate: [],
    output: undefined,
    timeout: undefined,
  });
}

export interface RelateNode extends DataStatementNode {
  readonly kind: 'relate';
  readonly only: boolean;
  readonly from: OperationNode;
  readonly edge: OperationNode;
  readonly to: OperationNode;
}

/** `One` is set by `.only()`: the edge record instead of an array of them. */
export class RelateQuery<T = Record<string, unknown>, One extends boolean = false> extends DataStatement<One extends true ? T : T[], RelateNode> {
  only(): RelateQuery<T, true> {
    return this.next({ only: true });
  }
}

/** `RELATE <from>-><edge>-><to>`: records (or arrays of them) are bound, the edge table is a name or `Table`. */
export function relate<T = Record<string, unknown>>(from: unknown, edge: Target, to: unknown): RelateQuery<T> {
  return new RelateQuery<T>({ kind: 'relate', only: false, from: toNode(from), edge: target(edge), to: toNode(to), data: undefined, output: undefined, timeout: undefined });
}
