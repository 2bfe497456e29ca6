/**
 * @module The RPC error objects the server itself answers with (before or instead of the engine),
 * shaped like the engine's own: `{code, message, kind, details}`.
 */

import type { RpcErrorPayload } from '@sdb/protocol';

export type { RpcErrorPayload } from '@sdb/protocol';

export function parseError(reason: string): RpcErrorPayload {
  return { code: -32700, kind: 'Validation', message: `Parse error: ${reason}`, details: { kind: 'Parse' } };
}

export function invalidRequest(reason: string): RpcErrorPayload {
  return { code: -32600, kind: 'Validation', message: `Invalid request: ${reason}`, details: { kind: 'InvalidRequest' } };
}

export function sessionNotFound(session: string): RpcErrorPayload {
  return { code: -32000, kind: 'NotFound', message: `Session not found: ${session}`, details: { kind: 'Session', details: { id: session } } };
}

export function sessionExists(session: string): RpcErrorPayload {
  return { code: -32000, kind: 'AlreadyExists', message: `Session already exists: ${session}`, details: { kind: 'Session', details: { id: session } } };
}

export function notAllowed(method: string): RpcErrorPayload {
  return {
    code: -32002,
    kind: 'NotAllowed',
    message: `Not enough permissions to perform this action: sign in before calling ${method}`,
    details: { kind: 'Auth', details: { kind: 'NotAllowed' } },
  };
}

export function invalidCredentials(): RpcErrorPayload {
  return { code: -32002, kind: 'NotAllowed', message: 'There was a problem with authentication', details: { kind: 'Auth', details: { kind: 'InvalidAuth' } } };
}

export function unavailableOverHttp(method: string): RpcErrorPayload {
  return {
    code: -32601,
    kind: 'NotFound',
    message: `Method not available over HTTP: ${method} needs a WebSocket connection`,
    details: { kind: 'Method', details: { name: method } },
  };
}

export function internalError(reason: string): RpcErrorPayload {
  return { code: -32000, kind: 'Internal', message: reason };
}
