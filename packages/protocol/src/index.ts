/**
 * @module @sdb/protocol: the SurrealDB 3 wire protocol shared by every sdb transport: CBOR codec,
 * value classes and their SurrealQL literals, RPC method table and envelopes, the error tree,
 * `Transport`, `RpcClient` and the `Queryable` client contract.
 */
export * from './codec.ts';
export * from './values/index.ts';
export { escapeIdent, escapeKeywordFree, escapeObjectKey, escapeRecordIdKey, quoteString } from './values/escape.ts';
export { toSurrealQL } from './values/literal.ts';
export {
  AlreadyExistsError,
  ConfigurationError,
  ConnectionClosedError,
  ConnectionError,
  DeleteRejectedError,
  FieldAssertionError,
  FieldTypeError,
  InternalError,
  InvalidIdentifierError,
  NotAllowedError,
  NotFoundError,
  ProtocolError,
  QueryBuildError,
  QueryError,
  ReadOnlyFieldError,
  RequestAbortedError,
  SchemaViolationError,
  SdbError,
  SerializationError,
  ServerConnectionError,
  ServerError,
  StatementError,
  TableTypeError,
  ThrownError,
  TimeoutError,
  UniqueViolationError,
  UnknownFieldError,
  ValidationError,
  errorBrand,
  InvalidArgumentError,
  type RpcErrorPayload,
} from './rpc/errors.ts';
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
export {
  credentialsToWire,
  resolveAuth,
  tokensFromWire,
  type AccessCredentials,
  type Auth,
  type AuthTokens,
  type AuthValue,
  type BearerCredentials,
  type RefreshCredentials,
  type SigninCredentials,
  type SignupCredentials,
  type UserCredentials,
} from './rpc/credentials.ts';
export { redactParams } from './rpc/redact.ts';
export { observeRequest, reportRequest, type DiagnosticsHook, type RequestDiagnostic, type SettledRequest } from './rpc/diagnostics.ts';
export { tokenExpired, tokenExpiresAt } from './rpc/token-expiry.ts';
export { isSecure, parseServerUrl } from './rpc/server-url.ts';
export { statementResults, type StatementFailure, type StatementResult, type StatementSuccess } from './rpc/statement-result.ts';
export { RpcClient, type ManyTarget, type RunOptions, type UseResult, type UseTarget } from './rpc/client.ts';
export { isLiveNotification, parseLiveNotification, type LiveAction, type LiveNotification, type LiveNotificationFrame } from './rpc/live.ts';
export type { CallOptions, Transport, TransportCapabilities } from './rpc/transport.ts';
export { queryText, type CompiledQuery, type Queryable } from './rpc/queryable.ts';
export { RpcTransaction, isTransactionConflict, retryOnConflict, runTransaction, type TransactionOptions } from './rpc/transaction.ts';
export { checkArguments, type ArgumentCheck, type ArgumentKind } from './rpc/arguments.ts';
