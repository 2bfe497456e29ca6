/**
 * @module DEFINE TABLE, DEFINE FIELD and DEFINE EVENT: a table and what hangs on it, as nodes
 * with named properties and the builders that fill them.
 */
import { Expression, QueryBuildError, toNode, type OperationNode } from '@sdb/functions/core';
import { field, type IdiomNode, type Path } from '../idiom.ts';
import { block, type BlockNode, type Body } from './control.ts';
import { DefineStatement, type DefineBase, type DefineCommon } from './define-base.ts';
import { changefeedNode, permissionsNode, referenceNode, type ChangefeedNode, type Permissions, type PermissionsNode, type ReferenceNode } from './schema-clauses.ts';
import { parseType, type TypeNode } from './schema-type.ts';

export type TableType = 'NORMAL' | 'RELATION' | 'ANY';

export interface DefineTableNode extends DefineBase {
  readonly kind: 'defineTable';
  readonly type?: TableType;
  /** With `type: 'RELATION'`: the tables edges may come from (`in`) and go to (`out`). */
  readonly relation?: { readonly in?: readonly string[]; readonly out?: readonly string[]; readonly enforced?: true };
  /** `DROP`: writes are accepted and discarded. */
  readonly drop?: true;
  /** `true` SCHEMAFULL, `false` SCHEMALESS, absent: not stated (the engine's default is SCHEMALESS). */
  readonly schemafull?: boolean;
  /** A view: `AS SELECT ...` (a select node). */
  readonly view?: OperationNode;
  readonly changefeed?: ChangefeedNode;
  readonly permissions?: PermissionsNode;
}

export class DefineTable extends DefineStatement<DefineTableNode> {
  schemafull(): this {
    return this.with({ schemafull: true });
  }

  schemaless(): this {
    return this.with({ schemafull: false });
  }

  /** `TYPE NORMAL | ANY`, or `TYPE RELATION [IN a | b] [OUT c] [ENFORCED]` with `relation()`. */
  type(type: 'normal' | 'any'): this {
    if (type !== 'normal' && type !== 'any') throw new QueryBuildError(`Unknown table type ${String(type)}`);
    return this.with({ type: type === 'any' ? 'ANY' : 'NORMAL', relation: undefined });
  }

  relation(options: { from?: readonly string[]; to?: readonly string[]; enforced?: boolean } = {}): this {
    const relation: DefineTableNode['relation'] = {
      ...(options.from && options.from.length > 0 ? { in: [...options.from] } : {}),
      ...(options.to && options.to.length > 0 ? { out: [...options.to] } : {}),
      ...(options.enforced ? { enforced: true as const } : {}),
    };
    return this.with({ type: 'RELATION', relation: Object.keys(relation).length > 0 ? relation : undefined });
  }

  drop(): this {
    return this.with({ drop: true });
  }

  changefeed(expiry: string | { toString(): string }, options: { includeOriginal?: boolean } = {}): this {
    return this.with({ changefeed: changefeedNode(expiry, options) });
  }

  /** A view: `AS SELECT ...`. */
  as(query: Expression): this {
    return this.with({ view: query.node });
  }

  permissions(permissions: Permissions): this {
    return this.with({ permissions: permissionsNode(permissions) });
  }
}


export interface DefineFieldNode extends DefineCommon {
  readonly kind: 'defineField';
  /** The field path (`address.city`, `tags.*`). */
  readonly name: IdiomNode;
  readonly table: string;
  readonly type?: TypeNode;
  /** `FLEXIBLE`: a schemafull object field that accepts any nested keys. */
  readonly flexible?: true;
  readonly default?: { readonly value: OperationNode; readonly always?: true };
  readonly readonly?: true;
  /** `VALUE expression`: computed on every write. */
  readonly value?: OperationNode;
  readonly assert?: OperationNode;
  /** `COMPUTED expression`: evaluated on every read, never stored. */
  readonly computed?: OperationNode;
  /** `REFERENCE [ON DELETE action | THEN expression]` for record links. */
  readonly reference?: ReferenceNode;
  readonly permissions?: PermissionsNode;
}

export class DefineField extends DefineStatement<DefineFieldNode> {
  /** A SurrealQL type such as `option<record<user>>` (parsed into a `TypeNode`). */
  type(type: string): this {
    return this.with({ type: parseType(type) });
  }

  flexible(): this {
    return this.with({ flexible: true });
  }

  /** `DEFAULT [ALWAYS] value`. */
  default(value: unknown, options: { always?: boolean } = {}): this {
    return this.with({ default: { value: toNode(value), ...(options.always ? { always: true as const } : {}) } });
  }

  readonly(): this {
    return this.with({ readonly: true });
  }

  /** `VALUE expression`: `param('value')` is the written value. */
  value(value: unknown): this {
    return this.with({ value: toNode(value) });
  }

  computed(value: Expression): this {
    return this.with({ computed: toNode(value) });
  }

  assert(condition: Expression): this {
    return this.with({ assert: toNode(condition) });
  }

  /** `REFERENCE [ON DELETE REJECT | CASCADE | IGNORE | UNSET | THEN expression]`. */
  reference(options: { onDelete?: 'reject' | 'cascade' | 'ignore' | 'unset' | Expression } = {}): this {
    return this.with({ reference: referenceNode(options) });
  }

  permissions(permissions: Permissions): this {
    return this.with({ permissions: permissionsNode(permissions) });
  }
}

export interface DefineEventNode extends DefineBase {
  readonly kind: 'defineEvent';
  readonly table: string;
  readonly when?: OperationNode;
  readonly then?: BlockNode;
}

export class DefineEvent extends DefineStatement<DefineEventNode> {
  when(condition: Expression): this {
    return this.with({ when: toNode(condition) });
  }

  /** `THEN { ... }`: `$event`, `$before`, `$after`, `$value` are available via `param()`. */
  then(body: Body): this {
    return this.with({ then: block(body) });
  }
}

export const tableBuilders = {
  table: (name: string) => new DefineTable({ kind: 'defineTable', name }),
  field: (name: Path, table: string) => new DefineField({ kind: 'defineField', name: field(name).node, table }),
  event: (name: string, table: string) => new DefineEvent({ kind: 'defineEvent', name, table }),
};
