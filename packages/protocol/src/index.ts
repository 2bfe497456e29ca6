/**
 * @module @sdb/protocol: the SurrealDB 3 wire protocol shared by every sdb transport: CBOR codec,
 * value classes, RPC method table and envelopes, the error tree, `Transport` and `RpcClient`.
 */
export * from './codec.ts';
export * from './values/index.ts';
export { valuesEqual } from './values/equality.ts';
export {
  AlreadyExistsError,
  ConfigurationError,
  ConnectionClosedError,
  ConnectionError,
  InternalError,
  NotAllowedError,
  NotFoundError,
  ProtocolError,
  QueryError,
  RequestAbortedError,
  SdbError,
  SerializationError,
  ServerConnectionError,
  ServerError,
  StatementError,
  ThrownError,
  TimeoutError,
  ValidationError,
  errorBrand,
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
export { RpcClient, type CompiledQuery, type ManyTarget, type RunOptions, type UseResult, type UseTarget } from './rpc/client.ts';
export { isLiveNotification, parseLiveNotification, type LiveAction, type LiveNotification, type LiveNotificationFrame } from './rpc/live.ts';
export type { CallOptions, Transport, TransportCapabilities } from './rpc/transport.ts';
