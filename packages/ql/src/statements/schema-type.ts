/**
 * @module SurrealQL types as data (`option<record<user | org>>`, `array<string, 10>`,
 * `int | float`) and their parser. DEFINE FIELD and DEFINE FUNCTION hold a `TypeNode`, and the
 * same parser reads the types INFO FOR TABLE prints, so a schema diff compares trees, not text.
 */
import { QueryBuildError } from '@sdb/functions/core';
import { unquoteIdent } from '@sdb/protocol';

/** Type names SurrealQL knows (lower case) that take no table list. */
export const TYPE_NAMES: ReadonlySet<string> = new Set([
  'any', 'array', 'bool', 'bytes', 'collection', 'datetime', 'decimal', 'duration', 'file', 'float', 'function', 'geometry',
  'int', 'line', 'multiline', 'multipoint', 'multipolygon', 'none', 'null', 'number', 'object', 'option', 'point', 'polygon',
  'range', 'regex', 'set', 'string', 'uuid',
]);

/** A type: a name with its optional inner type and size, a record/table type with its tables, or a union. */
export type TypeNode =
  | { readonly name: 'union'; readonly of: readonly TypeNode[] }
  | { readonly name: 'record' | 'table'; readonly tables?: readonly string[] }
  | { readonly name: string; readonly of?: TypeNode; readonly size?: number };

/** Types whose `<...>` holds table names rather than a type. */
export const TABLE_TYPES: ReadonlySet<string> = new Set(['record', 'table']);

/**
 * Parses `option<string>`, `array<record<person | org>, 10>`, `int | float`: type names from
 * SurrealQL's list, table names inside `record<...>`/`table<...>` (bare or quoted), sizes after a comma. Anything
 * else (a second clause hidden in the text) is refused.
 */
export function parseType(text: string): TypeNode {
  const fail = (): never => {
    throw new QueryBuildError(`Not a SurrealQL type: ${JSON.stringify(text)}`);
  };
  const tokens = typeof text === 'string' ? text.trim().split(/\s*([<>|,])\s*/).filter((t) => t !== '') : [];
  let at = 0;
  const peek = () => tokens[at];
  const take = (token?: string) => {
    const next = tokens[at++];
    if (next === undefined || (token !== undefined && next !== token)) fail();
    return next as string;
  };

  const union = (): TypeNode => {
    const members = [member()];
    while (peek() === '|') {
      take('|');
      members.push(member());
    }
    return members.length === 1 ? (members[0] as TypeNode) : { name: 'union', of: members };
  };

  const member = (): TypeNode => {
    const name = take().toLowerCase();
    if (TABLE_TYPES.has(name)) {
      if (peek() !== '<') return { name: name as 'record' | 'table' };
      take('<');
      const tables = [unquoteIdent(take())];
      while (peek() === '|') {
        take('|');
        tables.push(unquoteIdent(take()));
      }
      take('>');
      return { name: name as 'record' | 'table', tables };
    }
    if (!TYPE_NAMES.has(name)) fail();
    if (peek() !== '<') return name === 'option' ? fail() : { name };
    take('<');
    const of = union();
    let size: number | undefined;
    if (peek() === ',') {
      take(',');
      const digits = take();
      if (!/^\d+$/.test(digits)) fail();
      size = Number(digits);
    }
    take('>');
    return size === undefined ? { name, of } : { name, of, size };
  };

  if (tokens.length === 0) fail();
  const type = union();
  if (at !== tokens.length) fail();
  return type;
}
