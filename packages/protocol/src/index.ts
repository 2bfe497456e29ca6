/**
 * @module @sdb/protocol: the SurrealDB 3 wire protocol shared by every sdb transport: CBOR codec,
 * value classes and their SurrealQL literals, RPC method table and envelopes, the error tree,
 * `Transport`, `RpcClient` and the `Queryable` client contract. What only transport authors need
 * is on the `@sdb/protocol/transport` subpath.
 */
export * from './codec.ts';
export * from './values/index.ts';
export { escapeIdent, escapeKeywordFree, escapeObjectKey, escapeRecordIdKey, quoteString, unquoteIdent } from './values/escape.ts';
export { toSurrealQL } from './values/literal.ts';
export { SdbError } from './rpc/errors.ts';
export { valuesEqual } from './values/equality.ts';
export {
  AlreadyExistsError,
  ConfigurationError,
  DeleteRejectedError,
  FieldAssertionError,
  FieldTypeError,
  InternalError,
  NotAllowedError,
  NotFoundError,
  QueryError,
  ReadOnlyFieldError,
  SchemaViolationError,
  SerializationError,
  ServerConnectionError,
  ServerError,
  StatementError,
  TableTypeError,
  ThrownError,
  UniqueViolationError,
  UnknownFieldError,
  ValidationError,
  type RpcErrorPayload,
} from './rpc/server-errors.ts';
export {
  ConnectionClosedError,
  ConnectionError,
  ConnectionLostError,
  InvalidArgumentError,
  InvalidOptionError,
  ProtocolError,
  RequestAbortedError,
  SessionClosedError,
  TimeoutError,
} from './rpc/client-errors.ts';
export { FrameTooLargeError } from './rpc/frame-errors.ts';
export { InvalidIdentifierError, QueryBuildError } from './rpc/build-errors.ts';
export {
  RPC_METHODS,
  type GraphqlRequest,
  type PatchOperation,
  type RecordData,
  type RpcErrorResponse,
  type RpcMethod,
  type RpcMethods,
  type RpcParams,
  type RpcRequest,
  type RpcResponse,
  type RpcResult,
  type RpcSuccessResponse,
  type Target,
  type UseParams,
  type WireCredentials,
  type WireStatementResult,
  type WireToken,
} from './rpc/methods.ts';
export type {
  AccessCredentials,
  Auth,
  AuthTokens,
  AuthValue,
  BearerCredentials,
  RefreshCredentials,
  SigninCredentials,
  SignupCredentials,
  UserCredentials,
} from './rpc/credentials.ts';
export type { DiagnosticsHook, RequestDiagnostic } from './rpc/diagnostics.ts';
export type { StatementFailure, StatementResult, StatementSuccess } from './rpc/statement-result.ts';
export { RpcClient, type ManyTarget, type RunOptions, type UseResult, type UseTarget } from './rpc/client.ts';
export type { LiveAction, LiveNotification } from './rpc/live.ts';
export type { CallOptions, Transport, TransportCapabilities } from './rpc/transport.ts';
export type { CompiledQuery, Queryable } from './rpc/queryable.ts';
export { RpcTransaction, isTransactionConflict, retryOnConflict, type TransactionOptions } from './rpc/transaction.ts';
