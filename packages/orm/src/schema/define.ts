/**
 * @module A model's declaration as @sdb/ql DEFINE nodes (ANALYZER for its full-text analyzers,
 * TABLE, FIELD for every field and nested key, INDEX for unique, indexed, FULLTEXT and HNSW
 * fields), all OVERWRITE, and `pushSchema()`, which runs them in one
 * round trip. Nodes are built as data, never as text; ql's compiler prints them.
 */
import { toNode } from '@sdb/functions/core';
// A namespace import: a bundle then keeps only the function namespaces used here, not the whole catalogue.
import { call } from '@sdb/functions/core';
import { and, batch, field, inside, or, param, DefineStatement, type DefineAccessNode, type DefineAnalyzerNode, type DefineFieldNode, type DefineIndexNode, type DefineNode, type DefineTableNode, type TypeNode } from '@sdb/ql';
import { resolveClient, type Using } from '../connection.ts';
import { EDGE_ENDS, edgeDefinition, isEdge, type EdgeEnds } from './edge-definition.ts';
import type { AnyField, LiteralValue } from './fields.ts';
import type { TableClauses } from './table-options.ts';
import type { ModelShape } from './validate.ts';

function literalType(values: readonly LiteralValue[]): TypeNode {
  const first = values[0];
  if (typeof first === 'string') return { name: 'string' };
  if (typeof first === 'boolean') return { name: 'bool' };
  return { name: values.every(Number.isInteger) ? 'int' : 'number' };
}

/** The SurrealQL type of a field, without the `option<>` of an optional one. */
function baseType(fieldDef: AnyField): TypeNode {
  const config = fieldDef.config;
  switch (config.kind) {
    case 'literal':
      return literalType(config.values!);
    case 'link':
      return { name: 'record', tables: [config.target!().table] };
    case 'geometry':
      return config.geometry === 'feature' ? { name: 'geometry' } : { name: 'geometry', of: { name: config.geometry! } };
    case 'vector':
      // SurrealDB 3 reads `array<float, n>` as exactly n floats (fewer or more fail to coerce).
      return { name: 'array', of: { name: 'float' }, size: config.dimension! };
    case 'array':
    case 'set':
      return { name: config.kind, of: baseType(config.of!), ...(config.max !== undefined ? { size: config.max } : {}) };
    default:
      return { name: config.kind };
  }
}

function typeOf(fieldDef: AnyField): TypeNode {
  const type = baseType(fieldDef);
  return fieldDef.config.optional && type.name !== 'any' ? { name: 'option', of: type } : type;
}

/** ASSERT: a literal's allowed values, and the field's own assertion. */
function assertion(fieldDef: AnyField) {
  const config = fieldDef.config;
  const value = param('value');
  const literal = config.kind === 'literal' ? inside(value, config.values) : undefined;
  const own = config.assert?.condition;
  // An optional field's assertion must let NONE through: the field may be absent.
  const condition = and(literal, own); // undefined when there is neither
  if (condition === undefined) return undefined;
  return (config.optional ? or(call('type::is_none', value), condition) : condition).node;
}

/** The name of the index a field's `.unique()`, `.index()`, full-text or vector option defines (`person_email_unique`). */
export function indexName(table: string, path: string, suffix: 'unique' | 'index' | 'fulltext' | 'hnsw'): string {
  return `${table}_${path.replaceAll('.', '_')}_${suffix}`;
}

function fieldNodes(table: string, path: string, fieldDef: AnyField): DefineNode[] {
  const config = fieldDef.config;
  if (config.kind === 'computed') {
    const computed: DefineFieldNode = {
      kind: 'defineField',
      mode: 'OVERWRITE',
      name: field(path).node,
      table,
      computed: config.computed!.node,
      ...(config.permissions !== undefined ? { permissions: config.permissions } : {}),
      ...(config.comment !== undefined ? { comment: config.comment } : {}),
    };
    return [computed];
  }
  const assert = assertion(fieldDef);
  const node: DefineFieldNode = {
    kind: 'defineField',
    mode: 'OVERWRITE',
    name: field(path).node,
    table,
    type: typeOf(fieldDef),
    ...(config.default !== undefined ? { default: { value: 'now' in config.default ? call('time::now').node : toNode(config.default.value) } } : {}),
    ...(config.readonly ? { readonly: true as const } : {}),
    ...(assert !== undefined ? { assert } : {}),
    ...(config.reference !== undefined ? { reference: config.reference } : {}),
    ...(config.permissions !== undefined ? { permissions: config.permissions } : {}),
    ...(config.comment !== undefined ? { comment: config.comment } : {}),
  };
  const nodes: DefineNode[] = [node];
  if (config.kind === 'object') {
    for (const [key, child] of Object.entries(config.shape!)) nodes.push(...fieldNodes(table, `${path}.${key}`, child));
  }
  const element = config.of;
  // Elements that carry rules of their own (an object's keys, a literal's values) get a `path.*` definition.
  if (element !== undefined && (element.config.kind === 'object' || element.config.kind === 'literal' || element.config.assert)) {
    nodes.push(...fieldNodes(table, `${path}.*`, element));
  }
  if (config.unique || config.index) {
    const index: DefineIndexNode = {
      kind: 'defineIndex',
      mode: 'OVERWRITE',
      name: indexName(table, path, config.unique ? 'unique' : 'index'),
      table,
      fields: [field(path).node],
      ...(config.unique ? { unique: true as const } : {}),
    };
    nodes.push(index);
  }
  if (config.fulltext) nodes.push({ kind: 'defineIndex', mode: 'OVERWRITE', name: indexName(table, path, 'fulltext'), table, fields: [field(path).node], fulltext: config.fulltext });
  if (config.hnsw) nodes.push({ kind: 'defineIndex', mode: 'OVERWRITE', name: indexName(table, path, 'hnsw'), table, fields: [field(path).node], hnsw: config.hnsw });
  return nodes;
}

/** What DEFINE statements are made of: a model's fields, its table clauses and its access method. */
export interface DefinedModel extends ModelShape {
  readonly analyzers?: readonly DefineAnalyzerNode[];
  readonly tableClauses?: TableClauses;
  readonly access?: { readonly node: DefineAccessNode } | undefined;
}

/** Every DEFINE node for one model: its analyzers, the table (a relation for an edge), its fields (nested keys included), its indexes, its access method. */
export function defineNodes(model: DefinedModel): DefineNode[] {
  const edge = isEdge(model) ? edgeDefinition(model as DefinedModel & { edge: EdgeEnds }) : undefined;
  const table: DefineTableNode = { kind: 'defineTable', mode: 'OVERWRITE', name: model.table, ...edge?.table, schemafull: model.schemafull, ...model.tableClauses };
  const fields = Object.entries(model.fields).filter(([name]) => edge === undefined || !EDGE_ENDS.has(name));
  const nodes: DefineNode[] = [...(model.analyzers ?? []), table, ...fields.flatMap(([name, fieldDef]) => fieldNodes(model.table, name, fieldDef)), ...(edge?.indexes ?? [])];
  return model.access === undefined ? nodes : [...nodes, model.access.node];
}

/**
 * Defines the models' tables, fields and indexes on the database (DEFINE … OVERWRITE, so it can
 * run again after a change), in one query; a failed definition throws its `StatementError`.
 */
export async function pushSchema(models: readonly DefinedModel[], options: { using?: Using } = {}): Promise<void> {
  const statements = models.flatMap(defineNodes).map((node) => new DefineStatement(node));
  if (statements.length === 0) return;
  await resolveClient(options.using).queryAll(batch(...statements));
}
