/**
 * @module Migration operations: plain, serialisable data (a migration file prints them as
 * `op.*(...)` calls and the checksum hashes them), each holding @sdb/ql DEFINE/REMOVE nodes;
 * `stepsOf` turns one into the statements it runs. Only `op.raw` carries SurrealQL text (the
 * user's), and `op.data` a function run with the migration's client.
 */
import { field, rebuildIndex, remove, update, type QueryCompiler, type DefineFieldNode, type DefineNode, type DefineNodeKind, type RemoveNode, type StatementNode } from '@sdb/ql';
import type { OrmClient } from '../connection.ts';
import { MigrationError } from './errors.ts';

export type Operation =
  /** `DEFINE …`: a new table, field, index, event, analyzer, access, param, function or sequence. */
  | { readonly type: 'define'; readonly node: DefineNode }
  /** `DEFINE … OVERWRITE`: a changed definition. */
  | { readonly type: 'alter'; readonly node: DefineNode }
  | { readonly type: 'remove'; readonly node: RemoveNode }
  /** The field `from` becomes `to` (defined by `node`, or already defined), its values copied over, `from` removed. */
  | { readonly type: 'renameField'; readonly table: string; readonly from: string; readonly to: string; readonly node?: DefineFieldNode }
  | { readonly type: 'rebuildIndex'; readonly name: string; readonly table: string }
  | { readonly type: 'raw'; readonly surql: string }
  | { readonly type: 'data'; readonly run: (client: OrmClient) => Promise<void> };

/** What an operation runs: a ql statement, the user's SurrealQL, or a function of the client. */
export type Step = { readonly node: StatementNode } | { readonly surql: string } | { readonly run: (client: OrmClient) => Promise<void> };

/** A ql builder (`define.field('age', 'person').type('int')`) or its node. */
type Definition<N> = N | { readonly node: N };

function nodeOf<N extends { readonly kind: string }>(definition: Definition<N>, kinds: readonly string[], helper: string): N {
  const node = (typeof definition === 'object' && definition !== null && 'node' in definition ? definition.node : definition) as N;
  if (typeof node !== 'object' || node === null || !kinds.includes(node.kind)) {
    throw new MigrationError(`op.${helper}() takes ${kinds.join(' or ')} (a @sdb/ql builder such as define.… or remove.…, or its node), got ${JSON.stringify((node as { kind?: unknown } | null)?.kind ?? node)}`);
  }
  return node;
}

const defineOp = (kind: DefineNodeKind, helper: string) => (definition: Definition<DefineNode>): Operation => ({ type: 'define', node: nodeOf(definition, [kind], helper) });

const DEFINE_KINDS: readonly DefineNodeKind[] = ['defineTable', 'defineField', 'defineIndex', 'defineEvent', 'defineAnalyzer', 'defineAccess', 'defineParam', 'defineFunction', 'defineSequence'];

/** The operation builders a migration file uses. */
export const op = {
  createTable: defineOp('defineTable', 'createTable'),
  addField: defineOp('defineField', 'addField'),
  addIndex: defineOp('defineIndex', 'addIndex'),
  event: defineOp('defineEvent', 'event'),
  analyzer: defineOp('defineAnalyzer', 'analyzer'),
  access: defineOp('defineAccess', 'access'),
  param: defineOp('defineParam', 'param'),
  function: defineOp('defineFunction', 'function'),
  sequence: defineOp('defineSequence', 'sequence'),
  /** `DEFINE FIELD … OVERWRITE`: the field's new definition (a plain DEFINE of an existing field is an error). */
  alterField: (definition: Definition<DefineFieldNode>): Operation => ({ type: 'alter', node: nodeOf(definition, ['defineField'], 'alterField') }),
  /** `DEFINE TABLE … OVERWRITE`: schemafull, permissions, changefeed… */
  alterTable: (definition: Definition<DefineNode>): Operation => ({ type: 'alter', node: nodeOf(definition, ['defineTable'], 'alterTable') }),
  /** `DEFINE … OVERWRITE` for any other definition (index, event, analyzer, access, param, function, sequence). */
  alter: (definition: Definition<DefineNode>): Operation => ({ type: 'alter', node: nodeOf(definition, DEFINE_KINDS, 'alter') }),
  dropTable: (name: string): Operation => ({ type: 'remove', node: remove.table(name).node }),
  dropField: (table: string, path: string): Operation => ({ type: 'remove', node: remove.field(path, table).node }),
  dropIndex: (name: string, table: string): Operation => ({ type: 'remove', node: remove.index(name, table).node }),
  /** Any other `REMOVE …` (`remove.event('e', 't')`, `remove.analyzer('a')`…). */
  remove: (definition: Definition<RemoveNode>): Operation => ({ type: 'remove', node: nodeOf(definition, ['remove'], 'remove') }),
  /** Renames a field, keeping its values; `definition` is the field under its new name (omit it when an earlier operation defines it). */
  renameField: (table: string, from: string, to: string, definition?: Definition<DefineFieldNode>): Operation =>
    definition === undefined ? { type: 'renameField', table, from, to } : { type: 'renameField', table, from, to, node: nodeOf(definition, ['defineField'], 'renameField') },
  rebuildIndex: (name: string, table: string): Operation => ({ type: 'rebuildIndex', name, table }),
  /** SurrealQL of your own, run as written inside the migration's transaction. */
  raw: (surql: string): Operation => {
    if (typeof surql !== 'string' || surql.trim() === '') throw new MigrationError('op.raw() takes SurrealQL text');
    return { type: 'raw', surql };
  },
  /** A data migration: `run(client)` inside the migration's transaction (needs @sdb/ws or the embedded client). */
  data: (run: (client: OrmClient) => Promise<void>): Operation => {
    if (typeof run !== 'function') throw new MigrationError('op.data() takes an async function of the client');
    return { type: 'data', run };
  },
};

/** An element definition (`tags.*`): the engine defines one itself with its array field, so ours overwrites it. */
function isElement(node: DefineNode): boolean {
  return node.kind === 'defineField' && node.name.parts.at(-1)?.type === 'all';
}

/** The statements an operation runs, in order. */
export function stepsOf(operation: Operation): Step[] {
  switch (operation.type) {
    case 'define':
      return [{ node: { ...operation.node, mode: isElement(operation.node) ? 'OVERWRITE' : undefined } as DefineNode }];
    case 'alter':
      return [{ node: { ...operation.node, mode: 'OVERWRITE' } as DefineNode }];
    case 'remove':
      return [{ node: operation.node }];
    case 'renameField': {
      const { table, from, to } = operation;
      // SurrealDB has no RENAME: define the new field, copy the values, then drop the old field and its data.
      return [
        ...(operation.node ? [{ node: { ...operation.node, mode: undefined } as DefineNode }] : []),
        { node: update(table).set(to, '=', field(from)).node as StatementNode },
        { node: remove.field(from, table).node },
        { node: update(table).unset(from).node as StatementNode },
      ];
    }
    case 'rebuildIndex':
      return [{ node: rebuildIndex(operation.name, operation.table).node }];
    case 'raw':
      return [{ surql: operation.surql }];
    case 'data':
      return [{ run: operation.run }];
    default:
      throw new MigrationError(`Unknown migration operation ${JSON.stringify((operation as { type?: unknown }).type)}`);
  }
}

/** A step as SurrealQL text, `;`-terminated (a data migration as a comment); values bind through `compiler`. */
export function stepText(step: Step, compiler: QueryCompiler): string {
  if ('node' in step) return `${compiler.statement(step.node)};`;
  if ('surql' in step) return `${step.surql.trim().replace(/;$/, '')};`;
  return "-- op.data(): a JavaScript function run with the migration's client";
}
