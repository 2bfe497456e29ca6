/**
 * @module Django lookups as a table from name to the function that builds its @sdb/ql condition
 * (adding a lookup is one entry), and the resolution of a key such as `company__name__icontains`
 * into a field path across record links plus a lookup. Every value is bound; an unknown field or
 * lookup is a `QuerySetError`, never a silent `=`.
 */
// A namespace import: a bundle then keeps only the function namespaces used here, not the whole catalogue.
import { call, type Expression } from '@sdb/functions/core';
import { and, containsAll, containsAny, containsNone, containsNot, contains, eq, field, gt, gte, inside, lt, lte, matches, not, notInside, or, type Idiom } from '@sdb/ql';
import { GeometryMultiPolygon, GeometryPoint, GeometryPolygon } from '@sdb/protocol';
import { QuerySetError } from '../errors.ts';
import { lookupRelation, relationLookup } from '../relations/edge-lookups.ts';
import type { AnyField, FieldConfig, FieldKind, LinkTarget } from '../schema/fields.ts';
import type { FieldMap } from '../schema/infer.ts';

type Condition = Expression<boolean>;
type Lookup = (path: Idiom, value: unknown, key: string) => Condition;

function list(key: string, value: unknown): readonly unknown[] {
  if (!Array.isArray(value)) throw new QuerySetError(`${key} takes an array of values`);
  return value;
}

function text(key: string, value: unknown): string {
  if (typeof value !== 'string') throw new QuerySetError(`${key} takes a string`);
  return value;
}

/** A string function on an absent value is an error in SurrealDB 3, so string lookups first check the type. */
const onString = (path: Idiom, condition: Condition): Condition => and(call('type::is_string', path), condition);
const lower = (value: Expression<string> | string) => call('string::lowercase', value);

/** The characters a Rust regex gives a meaning to (the set `regex::escape` escapes). */
const REGEX_META = new Set('\\.+*?()|[]{}^$#&-~');

/**
 * A SQL LIKE pattern as a whole-string regex: `%` any run of characters (newlines too), `_` one
 * character, `\` makes the next character literal, everything else literal. SurrealDB 3 has no
 * LIKE operator (and `~` is fuzzy matching, not LIKE), so `like`/`ilike` are `string::matches`
 * with this regex, bound like every value.
 */
export function likeRegex(pattern: string, caseInsensitive: boolean): string {
  let out = caseInsensitive ? '(?is)^' : '(?s)^';
  for (let i = 0; i < pattern.length; i++) {
    let char = pattern[i]!;
    if (char === '%') out += '.*';
    else if (char === '_') out += '.';
    else {
      if (char === '\\' && i + 1 < pattern.length) char = pattern[++i]!;
      out += REGEX_META.has(char) ? `\\${char}` : char;
    }
  }
  return `${out}$`;
}

/** NONE (absent) and NULL both count as null: `IS NULL` alone misses absent fields. */
const isNull = (path: Idiom): Condition => or(call('type::is_none', path), call('type::is_null', path));

export const LOOKUPS: Readonly<Record<string, Lookup>> = {
  exact: (path, value) => (value === null || value === undefined ? isNull(path) : eq(path, value)),
  iexact: (path, value, key) => onString(path, eq(lower(path), lower(text(key, value)))),
  gt: (path, value) => gt(path, value),
  gte: (path, value) => gte(path, value),
  lt: (path, value) => lt(path, value),
  lte: (path, value) => lte(path, value),
  range: (path, value, key) => {
    const bounds = list(key, value);
    if (bounds.length !== 2) throw new QuerySetError(`${key} takes [low, high]`);
    return and(gte(path, bounds[0]), lte(path, bounds[1]));
  },
  in: (path, value, key) => inside(path, list(key, value)),
  not_in: (path, value, key) => notInside(path, list(key, value)),
  // CONTAINS works on strings (substring) and arrays/sets (element), and is false on NONE.
  contains: (path, value) => contains(path, value),
  not_contains: (path, value) => containsNot(path, value),
  containsall: (path, value, key) => containsAll(path, list(key, value)),
  containsany: (path, value, key) => containsAny(path, list(key, value)),
  containsnone: (path, value, key) => containsNone(path, list(key, value)),
  icontains: (path, value, key) => onString(path, call('string::contains', lower(path), lower(text(key, value)))),
  startswith: (path, value, key) => onString(path, call('string::starts_with', path, text(key, value))),
  istartswith: (path, value, key) => onString(path, call('string::starts_with', lower(path), lower(text(key, value)))),
  endswith: (path, value, key) => onString(path, call('string::ends_with', path, text(key, value))),
  iendswith: (path, value, key) => onString(path, call('string::ends_with', lower(path), lower(text(key, value)))),
  regex: (path, value, key) => onString(path, call('string::matches', path, text(key, value))),
  iregex: (path, value, key) => onString(path, call('string::matches', path, `(?i)${text(key, value)}`)),
  like: (path, value, key) => onString(path, call('string::matches', path, likeRegex(text(key, value), false))),
  ilike: (path, value, key) => onString(path, call('string::matches', path, likeRegex(text(key, value), true))),
  // Full-text search (`@@`): needs a FULLTEXT index on the field; without one SurrealDB 3 matches nothing, silently.
  match: (path, value, key) => matches(path, text(key, value)),
  isnull: (path, value, key) => {
    if (typeof value !== 'boolean') throw new QuerySetError(`${key} takes true or false`);
    return value ? isNull(path) : not(isNull(path));
  },
  // Geometry: `near` is within `meters` of a point (geo::distance, in metres), `within` inside a polygon.
  near: (path, value, key) => {
    const [point, meters] = list(key, value);
    if (!(point instanceof GeometryPoint) || typeof meters !== 'number' || !(meters >= 0)) throw new QuerySetError(`${key} takes [GeometryPoint, meters >= 0]`);
    return lte(call('geo::distance', path, point), meters);
  },
  within: (path, value, key) => {
    if (!(value instanceof GeometryPolygon || value instanceof GeometryMultiPolygon)) throw new QuerySetError(`${key} takes a GeometryPolygon or GeometryMultiPolygon`);
    return inside(path, value);
  },
};

/** The separator of a lookup key's parts, as in Django. */
const SEPARATOR = '__';

/** What a model exposes for key resolution. */
export interface FieldsHolder extends LinkTarget {
  readonly fields: FieldMap;
}

/** Where a key goes on after a field, by the field's kind: a link to its target's fields (and relations), a nested object to its keys; other kinds end the path. */
interface Step {
  readonly fields: FieldMap | undefined;
  readonly owner?: string;
  readonly linked?: FieldsHolder;
}

const STEPS: Partial<Record<FieldKind, (config: FieldConfig) => Step>> = {
  link: (config) => {
    const target = config.target!() as Partial<FieldsHolder>;
    return { fields: target.fields, ...(target.table === undefined || target.fields === undefined ? {} : { owner: target.table, linked: target as FieldsHolder }) };
  },
  object: (config) => ({ fields: config.shape }),
};

/** A key resolved: a field path and its lookup, or a link path and the rest of the key, which starts with a relation of the linked model. */
type Resolved = { path: string[]; lookup: string } | { path: string[]; linked: FieldsHolder; rest: string };

/**
 * `company__name__icontains` on Person: the path `company.name` (a link is followed, a nested
 * object entered) and the lookup `icontains`; a key without a lookup is `exact`.
 * `company__employees__name`: the link path `company`, then the relation `employees` of Company.
 */
function resolveKey(model: FieldsHolder, key: string): Resolved {
  const parts = key.split(SEPARATOR);
  const path: string[] = [];
  let fields: FieldMap | undefined = model.fields;
  let owner = model.table;
  let linked: FieldsHolder | undefined;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const last = i === parts.length - 1;
    const known: AnyField | undefined = fields !== undefined && Object.hasOwn(fields, part) ? fields[part] : undefined;
    if (known === undefined && part !== 'id') {
      if (linked !== undefined && lookupRelation(linked, part) !== undefined) return { path, linked, rest: parts.slice(i).join(SEPARATOR) };
      if (last && path.length > 0) {
        if (!Object.hasOwn(LOOKUPS, part)) throw new QuerySetError(`Unknown lookup "${part}" in "${key}" (lookups: ${Object.keys(LOOKUPS).join(', ')})`);
        return { path, lookup: part };
      }
      throw new QuerySetError(`${owner} has no field "${part}" (in "${key}")`);
    }
    path.push(part);
    if (part === 'id') {
      fields = undefined;
      linked = undefined;
      continue;
    }
    const next: Step | undefined = STEPS[known!.config.kind]?.(known!.config);
    fields = next?.fields;
    owner = next?.owner ?? owner;
    linked = next?.linked;
  }
  return { path, lookup: 'exact' };
}

/** The condition for one `key: value` pair of a filter. */
export function lookupCondition(model: FieldsHolder, key: string, value: unknown): Condition {
  const throughRelation = relationLookup(model, key, value);
  if (throughRelation !== undefined) return throughRelation;
  const resolved = resolveKey(model, key);
  if ('linked' in resolved) return relationLookup(resolved.linked, resolved.rest, value, field(resolved.path))!;
  return LOOKUPS[resolved.lookup]!(field(resolved.path), value, key);
}
