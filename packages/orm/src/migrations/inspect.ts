/**
 * @module `inspectModels(snapshot)`: model source code for an existing database (the CLI's
 * `inspectdb`). Tables become `model(...)` declarations and their fields `f.*()` builders, read
 * from what INFO … STRUCTURE reports (types, optional, literals, simple defaults, READONLY,
 * COMMENT, FULL/NONE permissions), with the unique/plain indexes the ORM names for them;
 * a definition a model cannot express (a custom ASSERT, COMPUTED, an index, event, access…) is
 * listed as a comment to keep in a migration, never silently dropped.
 */
import { field, type DefineIndexNode, type TypeNode } from '@sdb/ql';
import { indexName } from '../schema/define.ts';
import { fieldNameProblem, tableNameProblem } from '../schema/names.ts';
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

/** A SurrealQL literal the model can take as a default (numbers, `0.5f` too, strings, booleans, empty collections). */
function jsLiteral(text: string): string | undefined {
  const number = /^(-?\d+(?:\.\d+)?)f?$/.exec(text)?.[1];
  if (number !== undefined) return number;
  if (text === 'true' || text === 'false' || text === '[]' || text === '{}') return text;
  if (/^(['"])(?:(?!\1)[^\\]|\\.)*\1$/.test(text)) return JSON.stringify(text.slice(1, -1).replace(/\\(.)/g, '$1'));
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

/** The field clauses INFO … STRUCTURE reports that builders can say; any other (FLEXIBLE, VALUE, COMPUTED, REFERENCE) makes a field unexpressed. */
const SAYABLE = new Set(['name', 'table', 'kind', 'assert', 'default', 'default_always', 'readonly', 'comment', 'permissions']);

/** `.permissions(…)` for a field's FULL (`true`) and NONE (`false`) rules ('' for the default, all FULL), else undefined (a WHERE rule). */
function permissionsOf(rules: Readonly<Record<string, unknown>>): string | undefined {
  const actions = Object.entries(rules);
  if (actions.some(([, rule]) => typeof rule !== 'boolean')) return undefined;
  if (actions.every(([, rule]) => rule)) return '';
  if (actions.every(([, rule]) => !rule)) return ".permissions('none')";
  // FULL is a field's default: only the NONE rules need saying.
  return `.permissions({ ${actions.flatMap(([action, rule]) => (rule ? [] : [`${action}: 'none'`])).join(', ')} })`;
}

/** Lists `entry` as one the models do not express; answers no builder. */
function refuseEntry(entry: SnapshotEntry, ctx: Context): undefined {
  ctx.unexpressed.push(entry.source ?? entry.sql);
  return undefined;
}

/** The whole builder chain for one field, read from what INFO … STRUCTURE reports of it, or undefined (and a note) when a model cannot say it. */
function fieldBuilder(entry: SnapshotEntry, path: string, ctx: Context): string | undefined {
  const refuse = () => refuseEntry(entry, ctx);
  const facts = entry.structure ?? {};
  const type = fieldType(entry);
  if (type === undefined || facts.default_always === true || Object.keys(facts).some((clause) => !SAYABLE.has(clause))) return refuse();
  const members = type.name === 'union' ? (type.of as readonly TypeNode[]) : [type];
  const optional = members.some((m) => m.name === 'none') && members.length === 2;
  const base = optional ? (members.find((m) => m.name !== 'none') as TypeNode) : type;
  let builder: string | undefined;
  if (facts.assert !== undefined) {
    // The one assertion a builder says: a literal's values (letting NONE through when optional).
    const literal = new RegExp(`^${optional ? 'type::is_none\\(\\$value\\) OR ' : ''}\\$value INSIDE \\[(.*)\\]$`).exec(String(facts.assert));
    const values = literal && literalValues(literal[1] as string);
    if (!values || !['string', 'int', 'number', 'bool'].includes(base.name)) return refuse();
    builder = `f.literal(${values.join(', ')})`;
  } else builder = builderOf(base, path, ctx);
  if (builder === undefined) return refuse();
  if (optional) builder += '.optional()';
  if (facts.default !== undefined) {
    const value = facts.default === 'time::now()' ? 'now' : jsLiteral(String(facts.default));
    if (value === undefined) return refuse();
    builder += value === 'now' ? '.defaultNow()' : `.default(${value})`;
  }
  if (facts.readonly === true) builder += '.readonly()';
  if (typeof facts.comment === 'string') builder += `.comment(${JSON.stringify(facts.comment)})`;
  const access = permissionsOf((facts.permissions ?? {}) as Readonly<Record<string, unknown>>);
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

/** Model source code (an ES module importing `f` and `model` from `from`) for the live schema `snapshot` (read by `introspect`). */
export function inspectModels(snapshot: Snapshot, options: { from?: string } = {}): string {
  const entries = snapshot.entries;
  // A table whose name a model refuses stays in the database as it is, listed below.
  const tables = Object.values(entries).filter((e) => e.what === 'table' && tableNameProblem(e.name) === undefined);
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
        const builder = fieldNameProblem(table.name, e.name) === undefined ? fieldBuilder(e, e.name, ctx) : refuseEntry(e, ctx);
        return builder === undefined ? [] : [`  ${e.name}: ${builder},`];
      });
    out.push(`export const ${names.get(table.name)} = model(${JSON.stringify(table.name)}, {`, ...fields, `}${schemafull ? ', { schemafull: true }' : ''});`, '');
  }
  for (const [key, entry] of Object.entries(entries)) {
    const modelled = entry.what === 'table' ? names.has(entry.name) : entry.what === 'field' ? names.has(entry.table ?? '') : expressed.has(key);
    if (!modelled) unexpressed.push(entry.source ?? entry.sql);
  }
  if (unexpressed.length > 0) out.push('// Not expressed by these models (keep them in a migration, e.g. op.raw):', ...unexpressed.map((sql) => `// ${sql}`), '');
  return out.join('\n');
}
