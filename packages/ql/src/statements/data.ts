/**
 * @module The data clauses CREATE, UPDATE, UPSERT and RELATE share: CONTENT, MERGE, PATCH,
 * REPLACE, SET (with `=`, `+=`, `-=`, `+?=`) and UNSET, plus RETURN and TIMEOUT.
 */
import { Expression, toNode, type OperationNode } from '@sdb/functions';
import { assignments, durationLiteral, output, type AssignOp, type DataNode, type Output, type OutputNode } from '../clauses.ts';
import { field, type Path } from '../idiom.ts';
import { Statement } from '../statement.ts';

export interface DataStatementNode extends OperationNode {
  readonly data: DataNode | undefined;
  readonly output: OutputNode | undefined;
  readonly timeout: string | undefined;
}

/** Builders with a data clause. Each data method replaces the previous clause, except `set` which adds to a SET. */
export class DataStatement<R, N extends DataStatementNode> extends Statement<R, N> {
  content(value: unknown): this {
    return this.next({ data: { kind: 'CONTENT', value: toNode(value) } } as unknown as Partial<N>);
  }

  merge(value: unknown): this {
    return this.next({ data: { kind: 'MERGE', value: toNode(value) } } as unknown as Partial<N>);
  }

  /** JSON Patch operations. */
  patch(operations: readonly unknown[] | Expression): this {
    return this.next({ data: { kind: 'PATCH', value: toNode(operations) } } as unknown as Partial<N>);
  }

  replace(value: unknown): this {
    return this.next({ data: { kind: 'REPLACE', value: toNode(value) } } as unknown as Partial<N>);
  }

  /** `SET a = $p0, b = $p1` from an object, or one `SET path op value` (op `=`, `+=`, `-=`, `+?=`). */
  set(values: Record<string, unknown>): this;
  set(path: Path, op: AssignOp, value: unknown): this;
  set(first: Record<string, unknown> | Path, op?: AssignOp, value?: unknown): this {
    const added =
      op === undefined ? assignments(first as Record<string, unknown>) : [{ field: field(first as Path).node, op, value: toNode(value) }];
    const previous = this.node.data?.kind === 'SET' ? this.node.data.assignments : [];
    return this.next({ data: { kind: 'SET', assignments: [...previous, ...added] } } as unknown as Partial<N>);
  }

  unset(...paths: Path[]): this {
    return this.next({ data: { kind: 'UNSET', fields: paths.map((p) => field(p).node) } } as unknown as Partial<N>);
  }

  /** `RETURN NONE | BEFORE | AFTER | DIFF` or a list of fields. */
  return(what: Output): this {
    return this.next({ output: output(what) } as unknown as Partial<N>);
  }

  timeout(duration: string | { toString(): string }): this {
    return this.next({ timeout: durationLiteral(duration) } as unknown as Partial<N>);
  }
}
