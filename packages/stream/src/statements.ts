/**
 * @module The few fixed SurrealQL statements @sdb/stream sends. @sdb/ql prints statements for
 * everything above this layer, but stream sits below it (layer 2) and cannot import it, so these
 * texts are assembled here from three kinds of pieces only: fixed keywords, identifiers escaped
 * by @sdb/protocol's `escapeIdent`, and `$name` parameters whose values travel bound. Where the
 * 3.0.2 grammar refuses a parameter (`SHOW CHANGES … SINCE`/`LIMIT`, `CHANGEFEED <duration>`), the
 * value is a checked bigint, integer, `Datetime` or `Duration`, printed by protocol's literal
 * printer: never a caller's string pasted into the text.
 */
import { Datetime, Duration, escapeIdent, InvalidArgumentError, toSurrealQL, type CompiledQuery, type RecordId, type Table } from '@sdb/protocol';

/** What selects the records a live query or a snapshot covers. */
export interface Selection {
  /**
   * A SurrealQL condition (code, not data): `'age > $min AND team = $team'`. Put every value in
   * `params`; the text is sent as written.
   */
  where?: string;
  /** Values for the `$names` in `where`, bound with the query. */
  params?: Record<string, unknown>;
  /** Fields to project (`'name'`, `'address.city'`); `id` is always included. Default: the whole record. */
  fields?: readonly string[];
  /** Record links to fetch in place (`'author'`). */
  fetch?: readonly string[];
}

const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `LIVE SELECT [DIFF | fields] FROM table [WHERE …] [FETCH …]`, with `params` bound. */
export function liveSelect(method: string, table: Table | string, selection: Selection, diff: boolean): CompiledQuery {
  if (diff && selection.fields !== undefined) throw new InvalidArgumentError(method, 'options.fields', 'A DIFF live query sends patches of whole records: `fields` cannot be combined with `diff`');
  // SurrealDB 3 parses `LIVE SELECT DIFF FROM …`; a trailing DIFF is a syntax error.
  return statement(method, `LIVE SELECT ${diff ? 'DIFF' : projection(method, selection.fields)} FROM`, table, selection);
}

/** The parameter `selectMatching` binds the record ids to when it reads only some records. */
export const IDS_PARAM = 'stream_ids';

/**
 * `SELECT fields FROM table [WHERE …] [FETCH …]`: the records a live query with the same selection
 * covers; with `ids`, only those of them whose id is in `$stream_ids`.
 */
export function selectMatching(method: string, table: Table | string, selection: Selection, ids?: readonly RecordId[]): CompiledQuery {
  const compiled = statement(method, `SELECT ${projection(method, selection.fields)} FROM`, table, selection, ids !== undefined);
  if (ids !== undefined) compiled.bindings[IDS_PARAM] = ids;
  return compiled;
}

function statement(method: string, head: string, table: Table | string, selection: Selection, byId = false): CompiledQuery {
  const params = selection.params ?? {};
  for (const name of Object.keys(params)) {
    if (!PARAM_NAME.test(name)) throw new InvalidArgumentError(method, `options.params.${name}`, `Parameter names are plain identifiers ($${name} is not one)`);
    if (name === IDS_PARAM) throw new InvalidArgumentError(method, `options.params.${name}`, `$${IDS_PARAM} is the name @sdb/stream binds record ids to; use another`);
  }
  let query = `${head} ${escapeIdent(tableNameOf(table), 'table')}`;
  if (selection.where !== undefined && (typeof selection.where !== 'string' || selection.where.trim() === '')) {
    throw new InvalidArgumentError(method, 'options.where', 'where is a non-empty SurrealQL condition');
  }
  const conditions = [...(byId ? [`id IN $${IDS_PARAM}`] : []), ...(selection.where !== undefined ? [`(${selection.where})`] : [])];
  if (conditions.length > 0) query += ` WHERE ${conditions.join(' AND ')}`;
  if (selection.fetch !== undefined && selection.fetch.length > 0) query += ` FETCH ${selection.fetch.map((path) => fieldPath(method, 'options.fetch', path)).join(', ')}`;
  return { query, bindings: { ...params } };
}

function projection(method: string, fields: readonly string[] | undefined): string {
  if (fields === undefined) return '*';
  if (!Array.isArray(fields) || fields.length === 0) throw new InvalidArgumentError(method, 'options.fields', 'fields is a non-empty array of field names');
  const paths = new Set(['id', ...fields.map((path) => fieldPath(method, 'options.fields', path))]);
  return [...paths].join(', ');
}

/** A dotted field path, each part escaped: `address.city`, `` `first name` ``. */
function fieldPath(method: string, argument: string, path: string): string {
  if (typeof path !== 'string' || path === '') throw new InvalidArgumentError(method, argument, 'Field names are non-empty strings');
  return path.split('.').map((part) => escapeIdent(part, 'field')).join('.');
}

function tableNameOf(table: Table | string): string {
  return typeof table === 'string' ? table : table.name;
}

/** Where a change feed read starts: a versionstamp (inclusive), or a point in time. */
export type FeedPosition = bigint | Date | Datetime;

/** `SHOW CHANGES FOR TABLE t SINCE <versionstamp | d'…'> LIMIT n`: the grammar takes literals only here. */
export function showChanges(table: string, since: FeedPosition, limit: number): string {
  return `SHOW CHANGES FOR TABLE ${escapeIdent(table, 'table')} SINCE ${positionLiteral(since)} LIMIT ${limit}`;
}

function positionLiteral(since: FeedPosition): string {
  if (typeof since === 'bigint') {
    if (since < 0n) throw new InvalidArgumentError('changes', 'since', 'A versionstamp is not negative');
    return since.toString();
  }
  return toSurrealQL(since instanceof Datetime ? since : new Datetime(since));
}

export interface ChangefeedOptions {
  /** How long the feed keeps changes: a `Duration` or a duration text such as `'3d'` (default `'1d'`). */
  expiry?: Duration | string;
  /** Also record each update's previous version (as reverse patches) in the feed. */
  includeOriginal?: boolean;
}

/**
 * `ALTER TABLE t CHANGEFEED <duration> [INCLUDE ORIGINAL]`: turns the feed on and keeps the rest of
 * the table's definition (a `DEFINE TABLE … OVERWRITE` would reset its schema and permissions).
 */
export function alterChangefeed(table: string, options: ChangefeedOptions): string {
  const expiry = options.expiry instanceof Duration ? options.expiry : new Duration(options.expiry ?? '1d');
  if (expiry.totalNanoseconds() <= 0n) throw new InvalidArgumentError('enableChangefeed', 'options.expiry', 'A change feed keeps its changes for a positive duration');
  return `ALTER TABLE ${escapeIdent(table, 'table')} CHANGEFEED ${toSurrealQL(expiry)}${options.includeOriginal ? ' INCLUDE ORIGINAL' : ''}`;
}
