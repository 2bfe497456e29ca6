/**
 * @module REMOVE for every kind DEFINE makes, with IF EXISTS. A remove node names what it
 * removes the way the matching DEFINE node does: a field by its path, a function without `fn::`,
 * a param without `$`.
 */
import type { OperationNode } from '@sdb/functions/core';
import { field, type IdiomNode, type Path } from '../idiom.ts';
import { QueryCompiler } from '../query-compiler.ts';
import { Statement } from '../statement.ts';
import { functionName, level, type Level } from './schema-keywords.ts';

interface RemoveBase extends OperationNode {
  readonly kind: 'remove';
  readonly ifExists?: true;
}

/** What a REMOVE names: the kind of definition, its name, and the table or level it is on. */
export type RemoveTarget =
  | { readonly what: 'NAMESPACE' | 'DATABASE' | 'TABLE' | 'ANALYZER' | 'PARAM' | 'FUNCTION' | 'SEQUENCE'; readonly name: string }
  | { readonly what: 'FIELD'; readonly name: IdiomNode; readonly table: string }
  | { readonly what: 'INDEX' | 'EVENT'; readonly name: string; readonly table: string }
  | { readonly what: 'ACCESS' | 'USER'; readonly name: string; readonly on: Level };

export type RemoveNode = RemoveBase & RemoveTarget;

export type RemoveWhat = RemoveNode['what'];

export class RemoveStatement extends Statement<undefined, RemoveNode> {
  /** `compile` prints this statement with `QueryCompiler`, the compiler that holds the schema printer. */
  get compiler(): typeof QueryCompiler {
    return QueryCompiler;
  }

  ifExists(): this {
    return this.next({ ifExists: true });
  }
}

function make(target: RemoveTarget): RemoveStatement {
  return new RemoveStatement({ kind: 'remove', ...target });
}

type LevelName = 'root' | 'namespace' | 'database';

export const remove = {
  namespace: (name: string) => make({ what: 'NAMESPACE', name }),
  database: (name: string) => make({ what: 'DATABASE', name }),
  table: (name: string) => make({ what: 'TABLE', name }),
  field: (name: Path, table: string) => make({ what: 'FIELD', name: field(name).node, table }),
  index: (name: string, table: string) => make({ what: 'INDEX', name, table }),
  event: (name: string, table: string) => make({ what: 'EVENT', name, table }),
  analyzer: (name: string) => make({ what: 'ANALYZER', name }),
  access: (name: string, on: LevelName) => make({ what: 'ACCESS', name, on: level(on) }),
  user: (name: string, on: LevelName) => make({ what: 'USER', name, on: level(on) }),
  param: (name: string) => make({ what: 'PARAM', name }),
  function: (name: string) => make({ what: 'FUNCTION', name: functionName(name) }),
  sequence: (name: string) => make({ what: 'SEQUENCE', name }),
};
