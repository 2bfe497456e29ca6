/**
 * @module @sdb/protocol/transport: what only authors of a transport (or of a package with its own
 * errors) need, kept off the root export so that the user API stays small: auth on the wire and
 * its renewal, diagnostics plumbing, server URL checks, frame recognition, the transport and client over an engine beside the caller, option and argument validation,
 * query text assembly, the interactive transaction runner and the error brand.
 */
export { errorBrand } from './rpc/errors.ts';
export { credentialsToWire, resolveAuth, tokensFromWire } from './rpc/credentials.ts';
export { applyAuth, canRestoreAuth, isStaleAuthError, restoreAuth, tokenStale, type AuthSend, type StoredAuth } from './rpc/reauth.ts';
export { redactParams } from './rpc/redact.ts';
export { observeRequest, reportRequest, type SettledRequest } from './rpc/diagnostics.ts';
export { tokenExpired, tokenExpiresAt } from './rpc/token-expiry.ts';
export { isSecure, parseServerUrl } from './rpc/server-url.ts';
export { statementResults } from './rpc/statement-result.ts';
export { isLiveNotification, parseLiveNotification, type LiveNotificationFrame } from './rpc/live.ts';
export {
  DEFAULT_TIMEOUT,
  byteLimitOption,
  choiceOption,
  countOption,
  delayOption,
  functionOption,
  invalidOption,
  nameOption,
  renamedOptions,
  timeoutOption,
  tlsOption,
  type TlsOptions,
} from './rpc/options.ts';
export { queryText } from './rpc/queryable.ts';
export { runTransaction } from './rpc/transaction.ts';
export { EngineTransport, isErrorReply, type EngineRequest, type RpcEngine } from './rpc/engine-transport.ts';
export { EngineClient } from './rpc/engine-client.ts';
export { checkArguments, type ArgumentCheck, type ArgumentKind } from './rpc/arguments.ts';
export { isExpressionKeyword } from './values/escape.ts';
