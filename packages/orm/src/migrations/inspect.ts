/**
 * @module `inspectModels(snapshot)`: model source code for an existing database (the CLI's
 * `inspectdb`). Tables become `model(...)` declarations and their fields `f.*()` builders (types,
 * optional, literals, simple defaults, READONLY, COMMENT, the unique/plain indexes the ORM names);
 * a definition a model cannot express (a custom ASSERT, COMPUTED, an index, event, access…) is
 * listed as a comment to keep in a migration, never silently dropped.
 */
import { field, type DefineIndexNode, type TypeNode } from '@sdb/ql';
import { indexName } from '../schema/define.ts';
import { canonicalNode } from './canonical.ts';
import { fieldType, keyOf, tableShape, type Snapshot, type SnapshotEntry } from './snapshot.ts';

const SCALARS = new Set(['string', 'int', 'float', 'number', 'decimal', 'bool', 'datetime', 'duration', 'uuid', 'bytes', 'any', 'file']);
const GEOMETRIES = new Set(['point', 'line', 'polygon', 'multipoint', 'multiline', 'multipolygon', 'collection']);

interface Context {
  readonly entries: Readonly<Record<string, SnapshotEntry>>;
  readonly names: ReadonlyMap<string, string>;
  readonly table: string;
  readonly unexpressed: string[];
  /** The keys of the indexes the generated fields declare (`.unique()`, `.index()`). */
  readonly expressed: Set<string>;
}

function modelName(table: string): string {
  const words = table.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z_]/.test(name) ? name : `Model${name}`;
}

/** A SurrealQL literal the model can take as a default (numbers, strings, booleans, empty collections). */
function jsLiteral(text: string): string | undefined {
  if (/^-?\d+(\.\d+)?$/.test(text) || text === 'true' || text === 'false' || text === '[]' || text === '{}') return text;
  if (/^'(?:[^'\\]|\\.)*'$/.test(text)) return JSON.stringify(text.slice(1, -1).replace(/\\(.)/g, '$1'));
  return undefined;
}

function literalValues(list: string): string[] | undefined {
  const values = list.split(', ').map(jsLiteral);
  return values.every((v) => v !== undefined && v !== '[]' && v !== '{}') ? (values as string[]) : undefined;
}

/** The builder for a type (without `option`), or undefined when no builder gives it. */
function builderOf(type: TypeNode, path: string, ctx: Context): string | undefined {
  const node = type as { name: string; of?: TypeNode; tables?: readonly string[]; size?: number };
  if (SCALARS.has(node.name) && node.of === undefined) return `f.${node.name}()`;
  if (node.name === 'record' && node.tables?.length === 1) {
    const target = node.tables[0] as string;
    return `f.link(() => ${ctx.names.get(target) ?? `({ table: ${JSON.stringify(target)} })`})`;
  }
  if (node.name === 'geometry') return node.of === undefined ? "f.geometry('feature')" : GEOMETRIES.has(node.of.name) ? `f.geometry(${JSON.stringify(node.of.name)})` : undefined;
  if (node.name === 'object') return `f.object({ ${children(path, ctx).join(', ')} })`;
  if ((node.name === 'array' || node.name === 'set') && node.of !== undefined) {
    const element = ctx.entries[keyOf('field', `${path}.*`, ctx.table)];
    const inner = element ? fieldBuilder(element, `${path}.*`, ctx) : builderOf(node.of, `${path}.*`, ctx);
    return inner === undefined ? undefined : `f.${node.name}(${inner}${node.size !== undefined ? `, { max: ${node.size} }` : ''})`;
  }
  return undefined;
}

/** `key: builder` for every direct child field of `path` (`path.key`). */
function children(path: string, ctx: Context): string[] {
  const prefix = `${path}.`;
  return Object.values(ctx.entries)
    .filter((e) => e.what === 'field' && e.table === ctx.table && e.name.startsWith(prefix) && !e.name.slice(prefix.length).includes('.') && !e.name.endsWith('.*'))
    .flatMap((e) => {
      const builder = fieldBuilder(e, e.name, ctx);
      return builder === undefined ? [] : [`${e.name.slice(prefix.length)}: ${builder}`];
    });
}

/** `.permissions(…)` for a field's PERMISSIONS clause of FULL/NONE rules ('' for the default FULL), else undefined. */
function permissionsOf(rest: string): string | undefined {
  if (rest === ' PERMISSIONS FULL') return '';
  if (rest === ' PERMISSIONS NONE') return ".permissions('none')";
  const groups = /^ PERMISSIONS (FOR .*)$/.exec(rest)?.[1]?.split(', FOR ');
  const rules: string[] = [];
  for (const group of groups ?? []) {
    const match = /^(?:FOR )?((?:select|create|update)(?:, (?:select|create|update))*) (FULL|NONE)$/.exec(group);
    if (match === null) return undefined;
    // FULL is a field's default: only the NONE rules need saying.
    if (match[2] === 'NONE') for (const action of (match[1] as string).split(', ')) rules.push(`${action}: 'none'`);
  }
  return groups === undefined ? undefined : `.permissions({ ${rules.join(', ')} })`;
}

/** The whole builder chain for one field, or undefined (and a note) when a model cannot say it. */
function fieldBuilder(entry: SnapshotEntry, path: string, ctx: Context): string | undefined {
  const sql = entry.sql;
  const refuse = () => {
    ctx.unexpressed.push(entry.source ?? sql);
    return undefined;
  };
  const type = fieldType(entry);
  if (type === undefined) return refuse();
  // The definition of this field with this type and nothing else, printed: what follows it are the entry's other clauses.
  const typed = canonicalNode({ kind: 'defineField', name: field(path).node, table: ctx.table, type });
  const stem = typed.slice(0, typed.lastIndexOf(' PERMISSIONS '));
  if (!sql.startsWith(stem)) return refuse();
  let rest = sql.slice(stem.length);
  const members = type.name === 'union' ? (type.of as readonly TypeNode[]) : [type];
  const optional = members.some((m) => m.name === 'none') && members.length === 2;
  const base = optional ? (members.find((m) => m.name !== 'none') as TypeNode) : type;
  let builder: string | undefined;
  const literal = new RegExp(` ASSERT ${optional ? 'type::is_none\\(\\$value\\) OR ' : ''}\\$value INSIDE \\[(.*?)\\](?= COMMENT| PERMISSIONS|$)`).exec(rest);
  const values = literal && literalValues(literal[1] as string);
  if (values && ['string', 'int', 'number', 'bool'].includes(base.name)) {
    builder = `f.literal(${values.join(', ')})`;
    rest = rest.replace(literal![0], '');
  } else builder = builderOf(base, path, ctx);
  if (builder === undefined) return refuse();
  if (optional) builder += '.optional()';
  const take = (pattern: RegExp): RegExpExecArray | null => {
    const match = pattern.exec(rest);
    if (match) rest = rest.replace(match[0], '');
    return match;
  };
  const defaultValue = take(/^ DEFAULT (time::now\(\)|'(?:[^'\\]|\\.)*'|\S+)/);
  if (defaultValue) {
    const value = defaultValue[1] === 'time::now()' ? 'now' : jsLiteral(defaultValue[1] as string);
    if (value === undefined) return refuse();
    builder += value === 'now' ? '.defaultNow()' : `.default(${value})`;
  }
  if (take(/^ READONLY/)) builder += '.readonly()';
  const comment = take(/^ COMMENT ('(?:[^'\\]|\\.)*')/);
  if (comment) builder += `.comment(${jsLiteral(comment[1] as string)})`;
  const access = permissionsOf(rest);
  if (access === undefined) return refuse();
  builder += access;
  for (const kind of ['unique', 'index'] as const) {
    const name = indexName(ctx.table, path, kind);
    const key = keyOf('index', name, ctx.table);
    const index: DefineIndexNode = { kind: 'defineIndex', name, table: ctx.table, fields: [field(path).node], ...(kind === 'unique' ? { unique: true as const } : {}) };
    if (ctx.entries[key]?.sql === canonicalNode(index)) {
      builder += `.${kind}()`;
      ctx.expressed.add(key);
    }
  }
  return builder;
}

/** Model source code (an ES module importing `f` and `model` from `from`) for the schema in `snapshot`. */
export function inspectModels(snapshot: Snapshot, options: { from?: string } = {}): string {
  const entries = snapshot.entries;
  const tables = Object.values(entries).filter((e) => e.what === 'table');
  const names = new Map(tables.map((t) => [t.name, modelName(t.name)]));
  const out: string[] = [`/** Models generated by inspectModels (sdb inspectdb) from a live database. */`, `import { f, model } from ${JSON.stringify(options.from ?? '@sdb/orm')};`, ''];
  const unexpressed: string[] = [];
  const expressed = new Set<string>();
  for (const table of tables) {
    const { schemafull } = tableShape(table);
    if (table.sql !== canonicalNode({ kind: 'defineTable', name: table.name, schemafull })) unexpressed.push(table.source ?? table.sql);
    const ctx: Context = { entries, names, table: table.name, unexpressed, expressed };
    const fields = Object.values(entries)
      .filter((e) => e.what === 'field' && e.table === table.name && !e.name.includes('.'))
      .flatMap((e) => {
        const builder = fieldBuilder(e, e.name, ctx);
        return builder === undefined ? [] : [`  ${e.name}: ${builder},`];
      });
    out.push(`export const ${names.get(table.name)} = model(${JSON.stringify(table.name)}, {`, ...fields, `}${schemafull ? ', { schemafull: true }' : ''});`, '');
  }
  for (const [key, entry] of Object.entries(entries)) {
    if (entry.what !== 'table' && entry.what !== 'field' && !expressed.has(key)) unexpressed.push(entry.source ?? entry.sql);
  }
  if (unexpressed.length > 0) out.push('// Not expressed by these models (keep them in a migration, e.g. op.raw):', ...unexpressed.map((sql) => `// ${sql}`), '');
  return out.join('\n');
}
