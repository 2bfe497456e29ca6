/**
 * @module The typed table of SurrealDB 3 RPC methods: wire name -> params tuple and raw result,
 * as the 3.x server (`surrealdb/core/src/rpc/protocol.rs`) reads and answers them.
 */
import type { RecordId } from '../values/record-id.ts';
import type { RecordIdRange } from '../values/record-id-range.ts';
import type { Table } from '../values/table.ts';
import type { Uuid } from '../values/uuid.ts';
import type { RpcErrorPayload } from './server-errors.ts';

/** Any record-shaped value: an object keyed by field name. */
export type RecordData = Record<string, unknown>;

/** What a data method works on: a table (a plain string is a table name), one record, or a range of records. */
export type Target = Table | string | RecordId | RecordIdRange;

/** `[ns, db]` for `use`: a string selects, `null` unselects, `undefined` (NONE) leaves it as it is. */
export type UseParams = [namespace: string | null | undefined, database: string | null | undefined];

/**
 * The credentials object `signin`/`signup` send. Keys are the server's: `NS`, `DB`, `AC`, `user`,
 * `pass`, `refresh` (a refresh token), `key` (a bearer key), plus any record-access variables.
 */
export type WireCredentials = {
  NS?: string;
  DB?: string;
  AC?: string;
  user?: string;
  pass?: string;
  refresh?: string;
  key?: string;
  [variable: string]: unknown;
};

/** What `signin`/`signup`/`refresh` return: a bare access token, or an access + refresh pair (`WITH REFRESH`). */
export type WireToken = string | { access: string; refresh: string };

/** One JSON Patch operation (RFC 6902), as `patch` takes them. */
export type PatchOperation =
  | { op: 'add' | 'replace' | 'test'; path: string; value: unknown }
  | { op: 'remove'; path: string }
  | { op: 'move' | 'copy'; from: string; path: string };

/** One statement's outcome on the wire, as `query` returns them. */
export type WireStatementResult =
  | { status: 'OK'; result: unknown; time: string; type?: 'live' | 'kill' }
  | { status: 'ERR'; result: string; time: string; type?: 'live' | 'kill'; kind?: string; details?: unknown };

/** GraphQL request body for `graphql`. */
export type GraphqlRequest = string | { query: string; variables?: Record<string, unknown>; operationName?: string };

/**
 * Every RPC method by wire name, with the params tuple the server reads and the raw result it
 * answers. `let` is also accepted by the server as `set`; `select`...`insert_relation` are marked
 * deprecated by the server in favour of `query` but still served.
 */
export interface RpcMethods {
  ping: { params: []; result: undefined };
  /** The signed-in record (`SELECT * FROM $auth`), or NONE. */
  info: { params: []; result: RecordData | undefined };
  /** Answers the namespace and database now selected. */
  use: { params: UseParams; result: { namespace: string | null | undefined; database: string | null | undefined } };
  signup: { params: [credentials: WireCredentials]; result: WireToken };
  signin: { params: [credentials: WireCredentials]; result: WireToken };
  authenticate: { params: [token: string]; result: undefined };
  /** Exchanges an access + refresh pair for a new pair; the old refresh token is revoked. */
  refresh: { params: [token: WireToken]; result: WireToken };
  invalidate: { params: []; result: undefined };
  /** Revokes the refresh token of the pair, without touching the session. */
  revoke: { params: [token: WireToken]; result: undefined };
  /** Signs out, clears `use` and variables, and kills the session's live queries. */
  reset: { params: []; result: undefined };
  kill: { params: [id: Uuid | string]; result: undefined };
  /** Starts a live query on a table; `diff` asks for JSON Patch diffs. Answers the live query id. */
  live: { params: [what: Table | string, diff?: boolean]; result: Uuid };
  /** Sets a session variable; `undefined` (NONE) removes it. */
  let: { params: [name: string, value: unknown]; result: null };
  unset: { params: [name: string]; result: null };
  select: { params: [what: Target]; result: unknown };
  /** `what` may be null (NONE) when the data carries record ids. */
  insert: { params: [what: Table | string | null | undefined, data: RecordData | readonly RecordData[]]; result: unknown };
  insert_relation: {
    params: [what: Table | string | null | undefined, data: RecordData | readonly RecordData[]];
    result: unknown;
  };
  create: { params: [what: Target, data?: RecordData]; result: unknown };
  upsert: { params: [what: Target, data?: RecordData]; result: unknown };
  update: { params: [what: Target, data?: RecordData]; result: unknown };
  merge: { params: [what: Target, data?: RecordData]; result: unknown };
  /** `diff: true` answers the applied patches instead of the records. */
  patch: { params: [what: Target, patches?: readonly PatchOperation[], diff?: boolean]; result: unknown };
  delete: { params: [what: Target]; result: unknown };
  /** `RELATE from->kind->to CONTENT data` (the server calls `to` "with"). */
  relate: { params: [from: RecordId | readonly RecordId[], kind: Table | string | RecordId, to: RecordId | readonly RecordId[], data?: RecordData]; result: unknown };
  /** Runs a function (`fn::x`, `ml::x` with a version, or a built-in). */
  run: { params: [name: string, version?: string | null, args?: readonly unknown[]]; result: unknown };
  query: { params: [query: string, vars?: Record<string, unknown>]; result: WireStatementResult[] };
  /** Not served by SurrealDB 3.0 over RPC (use the `/graphql` HTTP route); kept for servers that do. */
  graphql: { params: [request: GraphqlRequest, options?: { pretty?: boolean; format?: 'json' | 'cbor' }]; result: unknown };
  /** The server version string, e.g. `surrealdb-3.0.2`. */
  version: { params: []; result: string };
  /** Creates the session named by the request's `session` field. */
  attach: { params: []; result: undefined };
  /** Ends the session named by the request's `session` field and kills its live queries. */
  detach: { params: []; result: undefined };
  /** The ids of every attached (non-default) session. */
  sessions: { params: []; result: Uuid[] };
  /** Starts a transaction; answers its id, which later calls pass as `txn`. */
  begin: { params: []; result: Uuid };
  commit: { params: [txn: Uuid]; result: undefined };
  cancel: { params: [txn: Uuid]; result: undefined };
}

export type RpcMethod = keyof RpcMethods;
export type RpcParams<M extends RpcMethod> = RpcMethods[M]['params'];
export type RpcResult<M extends RpcMethod> = RpcMethods[M]['result'];

/** The 34 method names, in the order DESIGN.md lists them. */
export const RPC_METHODS: readonly RpcMethod[] = [
  'ping', 'info', 'use', 'signup', 'signin', 'authenticate', 'refresh', 'invalidate', 'revoke', 'reset',
  'kill', 'live', 'let', 'unset', 'select', 'insert', 'insert_relation', 'create', 'upsert', 'update',
  'merge', 'patch', 'delete', 'relate', 'run', 'query', 'graphql', 'version', 'attach', 'detach',
  'sessions', 'begin', 'commit', 'cancel',
];

/** An RPC request frame. `id` is absent only for fire-and-forget frames; `session`/`txn` are SurrealDB 3 additions. */
export interface RpcRequest<M extends string = string> {
  id: string | number;
  method: M;
  params: readonly unknown[];
  session?: Uuid;
  txn?: Uuid;
  /** RPC protocol version (1 or 2); servers default to their own. */
  version?: 1 | 2;
}

export interface RpcSuccessResponse<T = unknown> {
  id: string | number;
  result: T;
  /** SurrealDB 3 echoes the session the request ran in. */
  session?: Uuid;
}

export interface RpcErrorResponse {
  /** Absent when the server could not read the request's id (e.g. a parse error). */
  id?: string | number | null;
  error: RpcErrorPayload;
  session?: Uuid;
}

export type RpcResponse<T = unknown> = RpcSuccessResponse<T> | RpcErrorResponse;
