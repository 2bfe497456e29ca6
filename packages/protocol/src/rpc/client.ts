/**
 * @module RpcClient: one typed camelCase method per SurrealDB 3 RPC method over any `Transport`,
 * each checking its arguments first (`InvalidArgumentError`). Thin on purpose: @sdb/ws and
 * @sdb/http subclass it to add connection features. It satisfies the `Queryable` contract.
 */
import type { RecordId } from '../values/record-id.ts';
import { Table } from '../values/table.ts';
import type { RecordIdRange } from '../values/record-id-range.ts';
import type { Uuid } from '../values/uuid.ts';
import { checkArguments } from './arguments.ts';
import {
  credentialsToWire,
  secretsOf,
  tokensFromWire,
  type AuthTokens,
  type SigninCredentials,
  type SignupCredentials,
} from './credentials.ts';
import type { GraphqlRequest, PatchOperation, RecordData, RpcMethod, RpcParams, RpcResult, WireToken } from './methods.ts';
import { queryText, type CompiledQuery, type Queryable } from './queryable.ts';
import { statementResults, type StatementResult } from './statement-result.ts';
import type { CallOptions, Transport } from './transport.ts';

/** Many records: a table (a plain string is a table name) or a range of record ids. */
export type ManyTarget = Table | string | RecordIdRange;

/** `run` options: the call options plus the function version (for `ml::` models and versioned modules). */
export interface RunOptions extends CallOptions {
  version?: string;
}

/** `use` target: a string selects, `null` unselects, omitted leaves it unchanged. */
export interface UseTarget {
  namespace?: string | null;
  database?: string | null;
}

/** `use` result: what is selected now. */
export interface UseResult {
  namespace: string | undefined;
  database: string | undefined;
}

export class RpcClient implements Queryable {
  constructor(readonly transport: Transport) {}

  /**
   * Sends one RPC call. Subclasses override this to add reconnection, auth retry, diagnostics or
   * batching; every typed method goes through it.
   */
  protected call<M extends RpcMethod>(method: M, params: RpcParams<M>, options?: CallOptions): Promise<RpcResult<M>> {
    return this.transport.call(method, params, options) as Promise<RpcResult<M>>;
  }

  // ----- connection and session state -----

  /** Round trip to the server; resolves when it answers. */
  async ping(options?: CallOptions): Promise<void> {
    checkArguments('ping', ['options', options, 'object?']);
    await this.call('ping', [], options);
  }

  /** The server version string, e.g. `surrealdb-3.0.2`. */
  async version(options?: CallOptions): Promise<string> {
    checkArguments('version', ['options', options, 'object?']);
    return this.call('version', [], options);
  }

  /** The signed-in record user's record (`$auth`), or `undefined` for system users and guests. */
  async info<T = RecordData>(options?: CallOptions): Promise<T | undefined> {
    checkArguments('info', ['options', options, 'object?']);
    return (await this.call('info', [], options)) as T | undefined;
  }

  /** Selects the namespace and/or database; answers what is selected now. */
  async use(target: UseTarget, options?: CallOptions): Promise<UseResult> {
    checkArguments('use', ['target', target, 'object'], ['options', options, 'object?']);
    checkArguments('use', ['target.namespace', target.namespace ?? undefined, 'string?'], ['target.database', target.database ?? undefined, 'string?']);
    const result = await this.call('use', [target.namespace, target.database], options);
    return { namespace: result?.namespace ?? undefined, database: result?.database ?? undefined };
  }

  /** Sets a session variable (`$name` in later queries). The server also accepts this method as `set`. */
  async let(name: string, value: unknown, options?: CallOptions): Promise<void> {
    checkArguments('let', ['name', name, 'string'], ['options', options, 'object?']);
    await this.call('let', [name, value], options);
  }

  /** Removes a session variable. */
  async unset(name: string, options?: CallOptions): Promise<void> {
    checkArguments('unset', ['name', name, 'string'], ['options', options, 'object?']);
    await this.call('unset', [name], options);
  }

  /** Signs out, unselects namespace and database, clears variables and kills the session's live queries. */
  async reset(options?: CallOptions): Promise<void> {
    checkArguments('reset', ['options', options, 'object?']);
    await this.call('reset', [], options);
  }

  // ----- authentication -----

  /** Signs in as a system user, with a record or bearer access method, or with a refresh token. */
  async signin(credentials: SigninCredentials, options?: CallOptions): Promise<AuthTokens> {
    checkArguments('signin', ['credentials', credentials, 'object'], ['options', options, 'object?']);
    return withoutSecrets(secretsOf(credentials), async () => tokensFromWire(await this.call('signin', [credentialsToWire(credentials)], options)));
  }

  /** Signs up through a record access method. */
  async signup(credentials: SignupCredentials, options?: CallOptions): Promise<AuthTokens> {
    checkArguments('signup', ['credentials', credentials, 'object'], ['options', options, 'object?']);
    return withoutSecrets(secretsOf(credentials), async () => tokensFromWire(await this.call('signup', [credentialsToWire(credentials)], options)));
  }

  /** Authenticates the session with an access token. */
  async authenticate(token: string, options?: CallOptions): Promise<void> {
    checkArguments('authenticate', ['token', token, 'string'], ['options', options, 'object?']);
    return withoutSecrets([token], async () => {
      await this.call('authenticate', [token], options);
    });
  }

  /** Exchanges tokens (with a refresh token) for new ones; the old refresh token stops working. */
  async refresh(tokens: AuthTokens, options?: CallOptions): Promise<AuthTokens> {
    checkTokens('refresh', tokens, options);
    return withoutSecrets(secretsOf(tokens), async () => tokensFromWire(await this.call('refresh', [tokenPair(tokens)], options)));
  }

  /** Revokes the refresh token of `tokens` without touching the session. */
  async revoke(tokens: AuthTokens, options?: CallOptions): Promise<void> {
    checkTokens('revoke', tokens, options);
    return withoutSecrets(secretsOf(tokens), async () => {
      await this.call('revoke', [tokenPair(tokens)], options);
    });
  }

  /** Signs the session out. */
  async invalidate(options?: CallOptions): Promise<void> {
    checkArguments('invalidate', ['options', options, 'object?']);
    await this.call('invalidate', [], options);
  }

  // ----- queries -----

  /**
   * Runs SurrealQL and answers one result per statement; a failed statement is a
   * `{ok: false, error}` entry and does not reject the call. `vars` are merged over a compiled
   * query's bindings.
   */
  async query(sql: string | CompiledQuery, vars?: Record<string, unknown>, options?: CallOptions): Promise<StatementResult[]> {
    checkQuery('query', sql, vars, options);
    const [text, bound] = queryText(sql, vars);
    const raw = await this.call('query', bound === undefined ? [text] : [text, bound], options);
    return statementResults(raw);
  }

  /**
   * Runs SurrealQL and answers the results of every statement, or throws the first failed
   * statement's `StatementError`. Type the results as a tuple: `queryAll<[Person[], number]>(...)`.
   */
  async queryAll<T extends unknown[] = unknown[]>(sql: string | CompiledQuery, vars?: Record<string, unknown>, options?: CallOptions): Promise<T> {
    checkQuery('queryAll', sql, vars, options);
    const statements = await this.query(sql, vars, options);
    return statements.map((statement) => {
      if (!statement.ok) throw statement.error;
      return statement.result;
    }) as T;
  }

  /** Runs a function: `fn::name`, `ml::name` (with `version`), or a built-in such as `string::len`. */
  async run<T = unknown>(name: string, args?: readonly unknown[], options: RunOptions = {}): Promise<T> {
    checkArguments('run', ['name', name, 'string'], ['args', args, 'array?'], ['options', options, 'object']);
    const { version, ...callOptions } = options;
    checkArguments('run', ['options.version', version, 'string?']);
    const params: RpcParams<'run'> = args === undefined ? (version === undefined ? [name] : [name, version]) : [name, version ?? null, args];
    return (await this.call('run', params, callOptions)) as T;
  }

  /** Runs a GraphQL query (servers that serve GraphQL over RPC; SurrealDB 3.0 answers NotFound). */
  async graphql<T = unknown>(request: GraphqlRequest, options?: CallOptions): Promise<T> {
    checkArguments('graphql', ['request', request, 'graphql'], ['options', options, 'object?']);
    return (await this.call('graphql', [request], options)) as T;
  }

  // ----- records -----

  /** One record (or `undefined`), or every record of a table or range. */
  select<T = RecordData>(what: RecordId, options?: CallOptions): Promise<T | undefined>;
  select<T = RecordData>(what: ManyTarget, options?: CallOptions): Promise<T[]>;
  async select(what: RecordId | ManyTarget, options?: CallOptions): Promise<unknown> {
    checkArguments('select', ['what', what, 'target'], ['options', options, 'object?']);
    return this.call('select', [target(what)], options);
  }

  /**
   * Creates one record with this id, or a record with a generated id in a table. (When table
   * permissions hide the new record from the caller, the server answers NONE: `undefined`.)
   */
  create<T = RecordData>(what: RecordId, data?: RecordData, options?: CallOptions): Promise<T>;
  create<T = RecordData>(what: Table | string, data?: RecordData, options?: CallOptions): Promise<T[]>;
  async create(what: RecordId | Table | string, data?: RecordData, options?: CallOptions): Promise<unknown> {
    checkArguments('create', ['what', what, 'edge'], ['data', data, 'object?'], ['options', options, 'object?']);
    return this.call('create', withData([target(what)], data), options);
  }

  /** Inserts one or many records into a table; with `table` null the data must carry record ids. */
  async insert<T = RecordData>(table: Table | string | null, data: RecordData | readonly RecordData[], options?: CallOptions): Promise<T[]> {
    checkArguments('insert', ['table', table, 'tableOrNull'], ['data', data, 'objects'], ['options', options, 'object?']);
    return (await this.call('insert', [table === null ? null : target(table), data], options)) as T[];
  }

  /** Inserts relation records (each with `in` and `out`) into an edge table, or by their ids when `table` is null. */
  async insertRelation<T = RecordData>(table: Table | string | null, data: RecordData | readonly RecordData[], options?: CallOptions): Promise<T[]> {
    checkArguments('insertRelation', ['table', table, 'tableOrNull'], ['data', data, 'objects'], ['options', options, 'object?']);
    return (await this.call('insert_relation', [table === null ? null : target(table), data], options)) as T[];
  }

  /** Replaces the content of records that exist (`UPDATE ... CONTENT`). */
  update<T = RecordData>(what: RecordId, data?: RecordData, options?: CallOptions): Promise<T | undefined>;
  update<T = RecordData>(what: ManyTarget, data?: RecordData, options?: CallOptions): Promise<T[]>;
  async update(what: RecordId | ManyTarget, data?: RecordData, options?: CallOptions): Promise<unknown> {
    checkArguments('update', ['what', what, 'target'], ['data', data, 'object?'], ['options', options, 'object?']);
    return this.call('update', withData([target(what)], data), options);
  }

  /** Replaces the content of records, creating a record id that does not exist (`UPSERT ... CONTENT`). */
  upsert<T = RecordData>(what: RecordId, data?: RecordData, options?: CallOptions): Promise<T>;
  upsert<T = RecordData>(what: ManyTarget, data?: RecordData, options?: CallOptions): Promise<T[]>;
  async upsert(what: RecordId | ManyTarget, data?: RecordData, options?: CallOptions): Promise<unknown> {
    checkArguments('upsert', ['what', what, 'target'], ['data', data, 'object?'], ['options', options, 'object?']);
    return this.call('upsert', withData([target(what)], data), options);
  }

  /** Merges fields into records that exist (`UPDATE ... MERGE`). */
  merge<T = RecordData>(what: RecordId, data: RecordData, options?: CallOptions): Promise<T | undefined>;
  merge<T = RecordData>(what: ManyTarget, data: RecordData, options?: CallOptions): Promise<T[]>;
  async merge(what: RecordId | ManyTarget, data: RecordData, options?: CallOptions): Promise<unknown> {
    checkArguments('merge', ['what', what, 'target'], ['data', data, 'object'], ['options', options, 'object?']);
    return this.call('merge', [target(what), data], options);
  }

  /** Applies JSON Patch operations; answers the records, or with `diff` the applied patches. */
  patch<T = RecordData>(what: RecordId, patches: readonly PatchOperation[], options?: CallOptions & { diff?: false }): Promise<T | undefined>;
  patch<T = RecordData>(what: ManyTarget, patches: readonly PatchOperation[], options?: CallOptions & { diff?: false }): Promise<T[]>;
  patch(what: RecordId | ManyTarget, patches: readonly PatchOperation[], options: CallOptions & { diff: true }): Promise<PatchOperation[] | PatchOperation[][]>;
  async patch(what: RecordId | ManyTarget, patches: readonly PatchOperation[], options: CallOptions & { diff?: boolean } = {}): Promise<unknown> {
    checkArguments('patch', ['what', what, 'target'], ['patches', patches, 'array'], ['options', options, 'object']);
    const { diff, ...callOptions } = options;
    return this.call('patch', diff ? [target(what), patches, true] : [target(what), patches], callOptions);
  }

  /** Deletes records; answers what was deleted. */
  delete<T = RecordData>(what: RecordId, options?: CallOptions): Promise<T | undefined>;
  delete<T = RecordData>(what: ManyTarget, options?: CallOptions): Promise<T[]>;
  async delete(what: RecordId | ManyTarget, options?: CallOptions): Promise<unknown> {
    checkArguments('delete', ['what', what, 'target'], ['options', options, 'object?']);
    return this.call('delete', [target(what)], options);
  }

  /** `RELATE from->edge->to`, with optional content; one edge when both ends are single records. */
  relate<T = RecordData>(from: RecordId, edge: Table | string | RecordId, to: RecordId, data?: RecordData, options?: CallOptions): Promise<T>;
  relate<T = RecordData>(from: RecordId | readonly RecordId[], edge: Table | string | RecordId, to: RecordId | readonly RecordId[], data?: RecordData, options?: CallOptions): Promise<T[]>;
  async relate(from: RecordId | readonly RecordId[], edge: Table | string | RecordId, to: RecordId | readonly RecordId[], data?: RecordData, options?: CallOptions): Promise<unknown> {
    checkArguments('relate', ['from', from, 'records'], ['edge', edge, 'edge'], ['to', to, 'records'], ['data', data, 'object?'], ['options', options, 'object?']);
    return this.call('relate', withData([from, target(edge), to], data), options);
  }

  // ----- live queries -----

  /** Starts a live query on a table; notifications arrive through the transport. Answers its id. */
  async live(table: Table | string, options: CallOptions & { diff?: boolean } = {}): Promise<Uuid> {
    checkArguments('live', ['table', table, 'table'], ['options', options, 'object']);
    const { diff, ...callOptions } = options;
    return this.call('live', diff ? [target(table), true] : [target(table)], callOptions);
  }

  /** Stops a live query. */
  async kill(id: Uuid | string, options?: CallOptions): Promise<void> {
    checkArguments('kill', ['id', id, 'uuidOrString'], ['options', options, 'object?']);
    await this.call('kill', [id], options);
  }

  // ----- sessions and transactions (SurrealDB 3) -----

  /** Creates a server session with this id; pass it as `session` in later calls' options. */
  async attach(session: Uuid, options?: CallOptions): Promise<void> {
    checkArguments('attach', ['session', session, 'uuid'], ['options', options, 'object?']);
    await this.call('attach', [], { ...options, session });
  }

  /** Ends a server session and kills its live queries. */
  async detach(session: Uuid, options?: CallOptions): Promise<void> {
    checkArguments('detach', ['session', session, 'uuid'], ['options', options, 'object?']);
    await this.call('detach', [], { ...options, session });
  }

  /** The ids of the attached sessions. */
  async sessions(options?: CallOptions): Promise<Uuid[]> {
    checkArguments('sessions', ['options', options, 'object?']);
    return this.call('sessions', [], options);
  }

  /** Starts a transaction; pass the id as `txn` in later calls' options, then `commit` or `cancel` it. */
  async begin(options?: CallOptions): Promise<Uuid> {
    checkArguments('begin', ['options', options, 'object?']);
    return this.call('begin', [], options);
  }

  /** Commits a transaction. */
  async commit(txn: Uuid, options?: CallOptions): Promise<void> {
    checkArguments('commit', ['txn', txn, 'uuid'], ['options', options, 'object?']);
    await this.call('commit', [txn], options);
  }

  /** Cancels a transaction: nothing it wrote remains. */
  async cancel(txn: Uuid, options?: CallOptions): Promise<void> {
    checkArguments('cancel', ['txn', txn, 'uuid'], ['options', options, 'object?']);
    await this.call('cancel', [txn], options);
  }
}

/**
 * Runs an authentication call, removing any secret it was given from the message of its error.
 * (A module function, not a private method: a private member would make `RpcClient` nominal.)
 */
async function withoutSecrets<T>(secrets: readonly string[], run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error) {
      for (const secret of secrets) {
        error.message = error.message.split(secret).join('***');
        if (error.stack) error.stack = error.stack.split(secret).join('***');
      }
    }
    throw error;
  }
}

function checkQuery(method: string, sql: unknown, vars: unknown, options: unknown): void {
  checkArguments(method, ['sql', sql, 'query'], ['vars', vars, 'object?'], ['options', options, 'object?']);
}

/** `refresh` and `revoke` take the tokens `signin` answered: an access token and maybe a refresh token. */
function checkTokens(method: string, tokens: AuthTokens, options: CallOptions | undefined): void {
  checkArguments(method, ['tokens', tokens, 'object'], ['options', options, 'object?']);
  checkArguments(method, ['tokens.access', tokens.access, 'string'], ['tokens.refresh', tokens.refresh, 'string?']);
}

/** A string is a table name: sent as a Table so that every method treats it the same way. */
function target<W>(what: W | string): W | Table {
  return typeof what === 'string' ? new Table(what) : what;
}

function withData<P extends unknown[]>(params: P, data: RecordData | undefined): P | [...P, RecordData] {
  return data === undefined ? params : [...params, data];
}

/** Tokens in the server's shape: a bare access token, or the access + refresh pair. */
function tokenPair(tokens: AuthTokens): WireToken {
  return tokens.refresh === undefined ? tokens.access : { access: tokens.access, refresh: tokens.refresh };
}
