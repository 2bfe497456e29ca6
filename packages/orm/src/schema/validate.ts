/**
 * @module Client-side checks of values against their fields, run before anything is sent: a
 * `ValidationError` names the model, the field path and the rule (`required`, `type`, `null`,
 * `literal`, `max_length`, `dimension`, `computed`, `link`, `assert`, `readonly`, `unknown_field`). The server enforces
 * the same rules through DEFINE FIELD TYPE/ASSERT/READONLY (./define.ts).
 */
import { Datetime, Decimal, Duration, FileRef, Geometry, GeometryCollection, GeometryLine, GeometryMultiLine, GeometryMultiPoint, GeometryMultiPolygon, GeometryPoint, GeometryPolygon, RecordId, Uuid } from '@sdb/protocol';
import { ValidationError } from '../errors.ts';
import { isPlainObject, withDefaults } from './defaults.ts';
import type { AnyField, FieldKind, GeometryKind } from './fields.ts';
import type { FieldMap } from './infer.ts';

/** What the checks need to know about a model. */
export interface ModelShape {
  readonly table: string;
  readonly fields: FieldMap;
  readonly schemafull: boolean;
}

/** Whether a present, non-null value has the field's kind; `undefined` means yes. */
const KIND_CHECKS: Record<FieldKind, (value: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  int: (v) => Number.isInteger(v) || typeof v === 'bigint',
  float: (v) => typeof v === 'number',
  number: (v) => typeof v === 'number' || typeof v === 'bigint',
  decimal: (v) => v instanceof Decimal || typeof v === 'number',
  bool: (v) => typeof v === 'boolean',
  datetime: (v) => v instanceof Datetime || (v instanceof Date && !Number.isNaN(v.getTime())),
  duration: (v) => v instanceof Duration,
  uuid: (v) => v instanceof Uuid,
  bytes: (v) => v instanceof Uint8Array,
  object: isPlainObject,
  array: Array.isArray,
  set: (v) => v instanceof Set || Array.isArray(v),
  literal: () => true,
  link: (v) => v instanceof RecordId,
  any: () => true,
  geometry: (v) => v instanceof Geometry,
  vector: (v) => Array.isArray(v) && v.every((item) => typeof item === 'number'),
  file: (v) => v instanceof FileRef,
  computed: () => true,
};

/** The value class of each geometry kind (`feature`: any geometry). */
const GEOMETRY_CLASSES: Record<GeometryKind, abstract new (...args: never[]) => Geometry> = {
  point: GeometryPoint,
  line: GeometryLine,
  polygon: GeometryPolygon,
  multipoint: GeometryMultiPoint,
  multiline: GeometryMultiLine,
  multipolygon: GeometryMultiPolygon,
  collection: GeometryCollection,
  feature: Geometry,
};

function fail(model: ModelShape, path: string, rule: string, detail: string): never {
  throw new ValidationError(model.table, path, rule, detail);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `a ${(value as object).constructor?.name ?? 'object'}`;
  return `a ${typeof value}`;
}

/** Checks one present value (NONE/undefined is the caller's concern) against `field`. */
export function checkValue(model: ModelShape, path: string, field: AnyField, value: unknown): void {
  const config = field.config;
  if (config.kind === 'computed') fail(model, path, 'computed', 'the server computes this field on every read; it cannot be written');
  if (value === null) fail(model, path, 'null', 'NULL is not a value here; leave the field out (NONE) or declare it f.any()');
  if (!KIND_CHECKS[config.kind](value)) fail(model, path, 'type', `expected ${config.kind}, got ${describe(value)}`);
  if (config.kind === 'literal' && !config.values!.includes(value as string)) {
    fail(model, path, 'literal', `expected one of ${config.values!.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)}`);
  }
  if (config.kind === 'geometry' && !(value instanceof GEOMETRY_CLASSES[config.geometry!])) {
    fail(model, path, 'type', `expected a geometry<${config.geometry}>, got ${describe(value)}`);
  }
  if (config.kind === 'vector' && (value as number[]).length !== config.dimension) {
    fail(model, path, 'dimension', `a vector of ${config.dimension} floats, got ${(value as number[]).length}`);
  }
  if (config.kind === 'link') {
    const table = config.target!().table;
    if ((value as RecordId).table !== table) fail(model, path, 'link', `expected a record of ${table}, got one of ${(value as RecordId).table}`);
  }
  if (config.kind === 'array' || config.kind === 'set') {
    const items = [...(value as Iterable<unknown>)];
    if (config.max !== undefined && items.length > config.max) fail(model, path, 'max_length', `at most ${config.max} items, got ${items.length}`);
    items.forEach((item, index) => checkValue(model, `${path}[${index}]`, config.of!, item));
  }
  if (config.kind === 'object') checkFields(model, config.shape!, value as Record<string, unknown>, 'full', `${path}.`, false);
  if (config.assert?.check && !config.assert.check(value as never)) fail(model, path, 'assert', 'the value fails the field\'s assertion');
}

/**
 * Checks `data` against `fields`: `full` (a whole record: every required field present) or
 * `partial` (a patch: only the keys given). Keys outside the declaration are refused when
 * `strict` (schemafull models, nested objects of any model).
 */
export function checkFields(model: ModelShape, fields: FieldMap, data: Record<string, unknown>, mode: 'full' | 'partial', prefix = '', strict = model.schemafull): void {
  for (const key of Object.keys(data)) {
    if (prefix === '' && key === 'id') continue;
    if (!(key in fields) && strict && data[key] !== undefined) fail(model, `${prefix}${key}`, 'unknown_field', `${model.table} declares no field "${prefix}${key}"`);
  }
  for (const [name, field] of Object.entries(fields)) {
    const value = data[name];
    if (value === undefined) {
      const present = mode === 'partial' || field.config.optional || field.config.default !== undefined || field.config.kind === 'computed';
      if (!present) fail(model, `${prefix}${name}`, 'required', 'the field is required');
      if (mode === 'partial' && name in data && !field.config.optional) fail(model, `${prefix}${name}`, 'required', 'only an optional field can be unset');
      continue;
    }
    checkValue(model, `${prefix}${name}`, field, value);
  }
}

/**
 * A record to create: defaults filled in, checked as a whole, and its `id` (if any) as a
 * RecordId of the model's table.
 */
export function recordToCreate(model: ModelShape, data: Record<string, unknown>): Record<string, unknown> {
  const content = withDefaults(model.fields, data);
  checkFields(model, model.fields, content, 'full');
  if (content.id === undefined) return content;
  const id = content.id instanceof RecordId ? content.id : new RecordId(model.table, content.id as string | number);
  if (id.table !== model.table) fail(model, 'id', 'type', `a ${model.table} record cannot have an id of table ${id.table}`);
  return { ...content, id };
}
