/**
 * @module REMOVE for every kind DEFINE makes, with IF EXISTS.
 */
import type { OperationNode } from '@sdb/functions';
import { Statement } from '../statement.ts';
import { functionName, type DefineKind } from './define.ts';

export interface RemoveNode extends OperationNode {
  readonly kind: 'remove';
  readonly what: DefineKind;
  readonly name: string;
  /** How the name prints: a quoted identifier, a `$param`, or an already checked `fn::` name. */
  readonly nameKind: 'ident' | 'param' | 'function';
  readonly on: { readonly level?: string; readonly table?: string };
  readonly ifExists: boolean;
}

export class RemoveStatement extends Statement<undefined, RemoveNode> {
  ifExists(): this {
    return this.next({ ifExists: true });
  }
}

function make(what: DefineKind, name: string, on: RemoveNode['on'] = {}, nameKind: RemoveNode['nameKind'] = 'ident'): RemoveStatement {
  return new RemoveStatement({ kind: 'remove', what, name, nameKind, on, ifExists: false });
}

type Level = 'root' | 'namespace' | 'database';

export const remove = {
  namespace: (name: string) => make('NAMESPACE', name),
  database: (name: string) => make('DATABASE', name),
  table: (name: string) => make('TABLE', name),
  field: (name: string, table: string) => make('FIELD', name, { table }),
  index: (name: string, table: string) => make('INDEX', name, { table }),
  event: (name: string, table: string) => make('EVENT', name, { table }),
  analyzer: (name: string) => make('ANALYZER', name),
  access: (name: string, on: Level) => make('ACCESS', name, { level: on.toUpperCase() }),
  user: (name: string, on: Level) => make('USER', name, { level: on.toUpperCase() }),
  param: (name: string) => make('PARAM', name, {}, 'param'),
  function: (name: string) => make('FUNCTION', functionName(name), {}, 'function'),
  sequence: (name: string) => make('SEQUENCE', name),
};
