/**
 * @module REBUILD INDEX: rebuilds an index from the table's records (after a bulk import, or to
 * apply a changed analyzer), with IF EXISTS.
 */
import type { OperationNode } from '@sdb/functions/core';
import { escapeIdent } from '@sdb/protocol';
import { Statement } from '../statement.ts';

export interface RebuildIndexNode extends OperationNode {
  readonly kind: 'rebuildIndex';
  readonly name: string;
  readonly table: string;
  readonly ifExists?: true;
}

export class RebuildIndexStatement extends Statement<undefined, RebuildIndexNode> {
  ifExists(): this {
    return this.next({ ifExists: true });
  }
}

/** `REBUILD INDEX name ON table`. */
export function rebuildIndex(name: string, table: string): RebuildIndexStatement {
  return new RebuildIndexStatement({ kind: 'rebuildIndex', name, table });
}

export function printRebuild(node: RebuildIndexNode): string {
  return `REBUILD INDEX${node.ifExists ? ' IF EXISTS' : ''} ${escapeIdent(node.name, 'index')} ON ${escapeIdent(node.table, 'table')}`;
}
