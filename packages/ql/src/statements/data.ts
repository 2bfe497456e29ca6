/**
 * @module The data clauses CREATE, UPDATE, UPSERT and RELATE share: CONTENT, MERGE, PATCH,
 * REPLACE, SET (with `=`, `+=`, `-=`, `+?=`) and UNSET, plus RETURN and TIMEOUT.
 */
import { Expression, toNode, type OperationNode } from '@sdb/functions/core';
import { assignments, conflict, durationLiteral, output, type AssignOp, type DataNode, type Output, type OutputNode } from '../clauses.ts';
import { field, type Path } from '../idiom.ts';
import { Statement } from '../statement.ts';

export interface DataStatementNode extends OperationNode {
  readonly data: DataNode | undefined;
  readonly output: OutputNode | undefined;
  readonly timeout: string | undefined;
}

/**
 * Builders with a data clause. A statement has one: `set` and `unset` calls add up, while a second
 * CONTENT, MERGE, PATCH or REPLACE, or two different kinds, are refused (`QueryBuildError`).
 */
export class DataStatement<R, N extends DataStatementNode> extends Statement<R, N> {
  content(value: unknown): this {
    return this.withData({ kind: 'CONTENT', value: toNode(value) });
  }

  merge(value: unknown): this {
    return this.withData({ kind: 'MERGE', value: toNode(value) });
  }

  /** JSON Patch operations. */
  patch(operations: readonly unknown[] | Expression): this {
    return this.withData({ kind: 'PATCH', value: toNode(operations) });
  }

  replace(value: unknown): this {
    return this.withData({ kind: 'REPLACE', value: toNode(value) });
  }

  /** `SET a = $p0, b = $p1` from an object, or one `SET path op value` (op `=`, `+=`, `-=`, `+?=`); calls add up. */
  set(values: Record<string, unknown>): this;
  set(path: Path, op: AssignOp, value: unknown): this;
  set(first: Record<string, unknown> | Path, op?: AssignOp, value?: unknown): this {
    const added =
      op === undefined ? assignments(first as Record<string, unknown>) : [{ field: field(first as Path).node, op, value: toNode(value) }];
    const previous = this.node.data?.kind === 'SET' ? this.node.data.assignments : [];
    return this.withData({ kind: 'SET', assignments: [...previous, ...added] });
  }

  /** `UNSET a, b`; calls add up. */
  unset(...paths: Path[]): this {
    const previous = this.node.data?.kind === 'UNSET' ? this.node.data.fields : [];
    return this.withData({ kind: 'UNSET', fields: [...previous, ...paths.map((p) => field(p).node)] });
  }

  private withData(data: DataNode): this {
    const current = this.node.data;
    if (current !== undefined && (current.kind !== data.kind || (current.kind !== 'SET' && current.kind !== 'UNSET'))) {
      conflict(`${data.kind.toLowerCase()}()`, current.kind === data.kind ? `another ${current.kind.toLowerCase()}() (one data clause per statement)` : `${current.kind.toLowerCase()}()`);
    }
    return this.next({ data } as unknown as Partial<N>);
  }

  /** `RETURN NONE | BEFORE | AFTER | DIFF` or a list of fields; like `timeout`, a second call replaces the first. */
  return(what: Output): this {
    return this.next({ output: output(what) } as unknown as Partial<N>);
  }

  timeout(duration: string | { toString(): string }): this {
    return this.next({ timeout: durationLiteral(duration) } as unknown as Partial<N>);
  }
}
