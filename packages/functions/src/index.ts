/**
 * @module @sdb/functions: typed builders for every SurrealDB 3 built-in function, the expression
 * nodes they make, and the printer that turns them into SurrealQL with bound parameters.
 * Nothing is built for a namespace a bundle does not import; `@sdb/functions/core` is the AST
 * and printer alone.
 */
export * from './core.ts';
export { catalogue, type FunctionName } from './catalogue.ts';
export { durationConstants, mathConstants, timeConstants } from './constants.ts';
export {
  api,
  array,
  bytes,
  count,
  crypto,
  duration,
  encoding,
  file,
  fn,
  geo,
  http,
  math,
  meta,
  not,
  object,
  parse,
  rand,
  record,
  schema,
  search,
  sequence,
  session,
  set,
  sleep,
  string,
  time,
  type,
  value,
  vector,
} from './namespaces.ts';
export type { ArgumentTypes, Arguments, Camel, FunctionBuilder, FunctionNamespace, Functions, ResultTypes } from './signature.ts';
