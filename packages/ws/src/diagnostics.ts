/**
 * @module The diagnostics hook: one event per settled request, for logging and tracing. It carries
 * no params and no result, so neither secrets (signin, authenticate) nor user data can leak through it.
 */
import type { Uuid } from '@sdb/protocol';

export interface RequestDiagnostic {
  /** The RPC method, e.g. `query`. */
  method: string;
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
