/**
 * @module The names a model takes: its table's and its fields'. `model()` refuses any other with
 * the reason; `inspectModels` leaves a table or field with such a name to a migration instead of
 * writing a model that would throw when it is loaded.
 */
import { isExpressionKeyword } from '@sdb/protocol/transport';

/** Instance members and the record id: a field of one of these names would hide it. */
export const RESERVED = new Set(['id', 'save', 'refresh', 'merge', 'delete', 'related', 'objects', 'constructor', 'toJSON', 'then', ...Object.getOwnPropertyNames(Object.prototype)]);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Why `name` cannot name a model's table, or undefined when it can. */
export function tableNameProblem(name: unknown): string | undefined {
  return typeof name === 'string' && IDENTIFIER.test(name) ? undefined : `A model name is an identifier (letters, digits, _), got ${JSON.stringify(name)}`;
}

/** Why `key` cannot name a field of model `model`, or undefined when it can. */
export function fieldNameProblem(model: string, key: string): string | undefined {
  if (RESERVED.has(key)) return `${model}.${key}: "${key}" is reserved (an instance method or the record id); rename the field`;
  if (!IDENTIFIER.test(key) || key.includes('__')) return `${model}.${key}: a field name is an identifier without "__" (the lookup separator)`;
  if (isExpressionKeyword(key)) return `${model}.${key}: "${key}" is a SurrealQL keyword that begins an expression; SurrealDB 3 fails every write to a table with a field of that name, so rename the field`;
  return undefined;
}
