/**
 * @module A model's declaration as @sdb/ql DEFINE nodes (TABLE, FIELD for every field and nested
 * key, INDEX for unique/indexed fields), all OVERWRITE, and `pushSchema()`, which runs them in one
 * round trip. Nodes are built as data, never as text; ql's compiler prints them.
 */
import { fn, toNode } from '@sdb/functions';
import { and, batch, field, inside, or, param, Statement, type DefineFieldNode, type DefineIndexNode, type DefineNode, type DefineTableNode, type TypeNode } from '@sdb/ql';
import { resolveClient, type Using } from '../connection.ts';
import { EDGE_ENDS, edgeDefinition, isEdge, type EdgeEnds } from './edge.ts';
import type { AnyField, LiteralValue } from './fields.ts';
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
  return (config.optional ? or(fn.type.isNone(value), condition) : condition).node;
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
    ...(config.default !== undefined ? { default: { value: 'now' in config.default ? fn.time.now().node : toNode(config.default.value) } } : {}),
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
      name: `${table}_${path.replaceAll('.', '_')}_${config.unique ? 'unique' : 'index'}`,
      table,
      fields: [field(path).node],
      ...(config.unique ? { unique: true as const } : {}),
    };
    nodes.push(index);
  }
  return nodes;
}

/** Every DEFINE node for one model: the table, its fields (nested keys included), its indexes. */
export function defineNodes(model: ModelShape): DefineNode[] {
  const edge = isEdge(model) ? edgeDefinition(model as ModelShape & { edge: EdgeEnds }) : undefined;
  const table: DefineTableNode = { kind: 'defineTable', mode: 'OVERWRITE', name: model.table, ...edge?.table, schemafull: model.schemafull };
  const fields = Object.entries(model.fields).filter(([name]) => edge === undefined || !EDGE_ENDS.has(name));
  return [table, ...fields.flatMap(([name, fieldDef]) => fieldNodes(model.table, name, fieldDef)), ...(edge?.indexes ?? [])];
}

/**
 * Defines the models' tables, fields and indexes on the database (DEFINE … OVERWRITE, so it can
 * run again after a change), in one query; a failed definition throws its `StatementError`.
 */
export async function pushSchema(models: readonly ModelShape[], options: { using?: Using } = {}): Promise<void> {
  const statements = models.flatMap(defineNodes).map((node) => new Statement(node));
  if (statements.length === 0) return;
  await resolveClient(options.using).queryAll(batch(...statements));
}
