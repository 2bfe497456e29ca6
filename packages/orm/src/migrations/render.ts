/**
 * @module A migration as the text of its ES module file: `export default { name, up, down }`,
 * each operation an `op.*(…)` call over its node written as a JavaScript literal, so the file
 * loads back to the same data (and the same checksum).
 */
import type { DefineNode, RemoveNode } from '@sdb/ql';
import { MigrationError } from './errors.ts';
import type { Migration } from './migration.ts';
import type { Operation } from './operations.ts';
import { pathText } from './snapshot.ts';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A value as JavaScript source: plain data, and Dates; anything else cannot be written to a file. */
function literal(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new MigrationError(`Cannot write the number ${value} into a migration file`);
    return Object.is(value, -0) ? '-0' : String(value);
  }
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof Date) return `new Date(${JSON.stringify(value.toISOString())})`;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new MigrationError(`Cannot write a ${(value as object).constructor?.name ?? 'class'} value into a migration file (a default or assertion holding one?); write that step with op.raw()`);
    }
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${IDENTIFIER.test(k) ? k : JSON.stringify(k)}: ${literal(v)}`).join(', ')} }`;
  }
  throw new MigrationError(`Cannot write a ${typeof value} into a migration file`);
}

const DEFINE_HELPERS: Partial<Record<DefineNode['kind'], string>> = {
  defineTable: 'createTable', defineField: 'addField', defineIndex: 'addIndex', defineEvent: 'event', defineAnalyzer: 'analyzer',
  defineAccess: 'access', defineParam: 'param', defineFunction: 'function', defineSequence: 'sequence',
};

function removal(node: RemoveNode): string {
  if (node.ifExists) return `op.remove(${literal(node)})`;
  switch (node.what) {
    case 'TABLE': return `op.dropTable(${literal(node.name)})`;
    case 'FIELD': return `op.dropField(${literal(node.table)}, ${literal(pathText(node.name))})`;
    case 'INDEX': return `op.dropIndex(${literal(node.name)}, ${literal(node.table)})`;
    default: return `op.remove(${literal(node)})`;
  }
}

function operationSource(operation: Operation): string {
  switch (operation.type) {
    case 'define': {
      const helper = DEFINE_HELPERS[operation.node.kind];
      if (helper === undefined) throw new MigrationError(`Migrations do not define ${operation.node.kind}`);
      return `op.${helper}(${literal(operation.node)})`;
    }
    case 'alter': {
      const helper = operation.node.kind === 'defineField' ? 'alterField' : operation.node.kind === 'defineTable' ? 'alterTable' : 'alter';
      return `op.${helper}(${literal(operation.node)})`;
    }
    case 'remove': return removal(operation.node);
    case 'renameField': {
      const args = [operation.table, operation.from, operation.to].map(literal);
      return `op.renameField(${[...args, ...(operation.node ? [literal(operation.node)] : [])].join(', ')})`;
    }
    case 'rebuildIndex': return `op.rebuildIndex(${literal(operation.name)}, ${literal(operation.table)})`;
    case 'raw': return `op.raw(${literal(operation.surql)})`;
    case 'data': return `op.data(${operation.run.toString()})`;
    default: throw new MigrationError(`Unknown migration operation ${JSON.stringify((operation as { type?: unknown }).type)}`);
  }
}

function list(operations: readonly Operation[]): string {
  return operations.length === 0 ? '[]' : `[\n${operations.map((o) => `    ${operationSource(o)},\n`).join('')}  ]`;
}

/** The ES module text of a migration file (what `sdb makemigrations` writes). */
export function renderMigration(migration: Migration): string {
  return [
    `/** Migration ${migration.name}. Operations: see @sdb/orm/migrations (op.*); sdb sqlmigrate ${migration.name} prints its SurrealQL. */`,
    "import { op } from '@sdb/orm/migrations';",
    '',
    'export default {',
    `  name: ${literal(migration.name)},`,
    `  up: ${list(migration.up)},`,
    `  down: ${list(migration.down)},`,
    '};',
    '',
  ].join('\n');
}
