/**
 * @module The diagnostics hook: one event per settled request, for logging and tracing. The params
 * of the auth methods (signin, signup, authenticate, refresh, revoke) are replaced by placeholders,
 * so no password, key or token ever reaches it; results are never included.
 */
import type { Uuid } from '@sdb/protocol';

export interface RequestDiagnostic {
  /** The RPC method, e.g. `query`. */
  method: string;
  /** The params as sent, except for the auth methods: `'[redacted]'` for each of theirs. */
  params: readonly unknown[];
  /** Milliseconds from send (or from the call, if it waited for a connection) to settle. */
  duration: number;
  ok: boolean;
  /** The error's class name (`TimeoutError`, `NotAllowedError`, ...) when `ok` is false. */
  error?: string;
  session?: Uuid;
  txn?: Uuid;
  /** True for the client's own calls (pings, state restore after a reconnect), not the user's. */
  internal: boolean;
}
