/**
 * @module Argument checks for the client methods, for callers the types cannot stop (plain
 * JavaScript, `any`, data off the wire): a wrong argument rejects with an `InvalidArgumentError`
 * naming the method and the parameter, before anything is sent.
 */
import { RecordIdRange } from '../values/record-id-range.ts';
import { RecordId } from '../values/record-id.ts';
import { Table } from '../values/table.ts';
import { Uuid } from '../values/uuid.ts';
import { InvalidArgumentError } from './client-errors.ts';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isTable = (value: unknown): boolean => typeof value === 'string' || value instanceof Table;
const isRecordIds = (value: unknown): boolean => value instanceof RecordId || (Array.isArray(value) && value.every((item) => item instanceof RecordId));

/** Each kind of argument: how to recognise it, and how the error describes it. */
const KINDS = {
  string: [(value) => typeof value === 'string', 'a string'],
  query: [
    (value) => typeof value === 'string' || (isObject(value) && typeof value.query === 'string' && isObject(value.bindings)),
    'a SurrealQL string or a compiled query ({ query, bindings })',
  ],
  object: [isObject, 'an object'],
  graphql: [(value) => typeof value === 'string' || (isObject(value) && typeof value.query === 'string'), 'a GraphQL string or { query, variables?, operationName? }'],
  objects: [(value) => isObject(value) || (Array.isArray(value) && value.every(isObject)), 'an object or an array of objects'],
  array: [Array.isArray, 'an array'],
  function: [(value) => typeof value === 'function', 'a function'],
  table: [isTable, 'a table name or a Table'],
  tableOrNull: [(value) => value === null || isTable(value), 'a table name, a Table or null'],
  record: [(value) => value instanceof RecordId, 'a RecordId'],
  records: [isRecordIds, 'a RecordId or an array of RecordIds'],
  target: [(value) => isTable(value) || value instanceof RecordId || value instanceof RecordIdRange, 'a table name, a Table, a RecordId or a RecordIdRange'],
  edge: [(value) => isTable(value) || value instanceof RecordId, 'a table name, a Table or a RecordId'],
  uuid: [(value) => value instanceof Uuid, 'a Uuid'],
  uuidOrString: [(value) => typeof value === 'string' || value instanceof Uuid, 'a Uuid or a string'],
} satisfies Record<string, readonly [(value: unknown) => boolean, string]>;

export type ArgumentKind = keyof typeof KINDS;

/** One argument to check: its parameter name, its value, and its kind (`kind?` also accepts `undefined`). */
export type ArgumentCheck = readonly [name: string, value: unknown, kind: ArgumentKind | `${ArgumentKind}?`];

/** Throws an `InvalidArgumentError` for the first argument that is not of its kind. */
export function checkArguments(method: string, ...args: readonly ArgumentCheck[]): void {
  for (const [name, value, kind] of args) {
    const optional = kind.endsWith('?');
    if (optional && value === undefined) continue;
    const [accepts, expected] = KINDS[(optional ? kind.slice(0, -1) : kind) as ArgumentKind];
    if (!accepts(value)) throw new InvalidArgumentError(method, name, `${method}: ${name} must be ${expected}${optional ? ' (or omitted)' : ''}, got ${describe(value)}`);
  }
}

/** A value's kind for an error message; never the value itself, which may be a secret. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') {
    const name = Object.getPrototypeOf(value)?.constructor?.name;
    return name === undefined || name === 'Object' ? 'an object' : `a ${name}`;
  }
  return typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`;
}
