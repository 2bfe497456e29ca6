/**
 * @module DEFINE for namespaces, databases, tables, fields, indexes, events, analyzers, access
 * methods, users, params, functions and sequences: `define.table('t').schemafull()...` builds a
 * node with named properties (see each `Define*Node`), which the schema printer writes in the
 * clause order SurrealDB 3.0.2 prints itself. Schema statements store their expressions and run
 * them later, so their values are written as literals instead of parameters.
 */
import { accessBuilders, type DefineAccessNode, type DefineUserNode } from './define-access.ts';
import { databaseBuilders, type DefineDatabaseNode, type DefineFunctionNode, type DefineNamespaceNode, type DefineParamNode, type DefineSequenceNode } from './define-database.ts';
import { indexBuilders, type DefineAnalyzerNode, type DefineIndexNode } from './define-index.ts';
import { tableBuilders, type DefineEventNode, type DefineFieldNode, type DefineTableNode } from './define-table.ts';

export { DefineAccess, DefineUser, type DefineAccessNode, type DefineUserNode } from './define-access.ts';
export type { DefineBase, DefineCommon, DefineMode } from './define-base.ts';
export { DefineFunction, DefineParam, DefineSequence, type DefineDatabaseNode, type DefineFunctionNode, type DefineNamespaceNode, type DefineParamNode, type DefineSequenceNode } from './define-database.ts';
export { DefineAnalyzer, DefineIndex, type DefineAnalyzerNode, type DefineIndexNode } from './define-index.ts';
export { DefineEvent, DefineField, DefineTable, type DefineEventNode, type DefineFieldNode, type DefineTableNode, type TableType } from './define-table.ts';
export type { Algorithm, Distance, Level, OnDelete, PermissionAction, Role, Tokenizer, VectorType } from './schema-keywords.ts';
export type { TypeNode } from './schema-type.ts';

/** Every DEFINE node; `kind` tells them apart. */
export type DefineNode =
  | DefineNamespaceNode
  | DefineDatabaseNode
  | DefineTableNode
  | DefineFieldNode
  | DefineIndexNode
  | DefineEventNode
  | DefineAnalyzerNode
  | DefineAccessNode
  | DefineUserNode
  | DefineParamNode
  | DefineFunctionNode
  | DefineSequenceNode;

export type DefineNodeKind = DefineNode['kind'];


export const define = { ...databaseBuilders, ...tableBuilders, ...indexBuilders, ...accessBuilders };
