/**
 * @module The diagnostics hook every sdb transport offers: one event per settled call, for logging
 * and tracing. Params go through `redactParams`, so no password, key or token reaches the hook;
 * results are never included; a hook that throws cannot change the call's outcome.
 */
import type { Uuid } from '../values/uuid.ts';
import { redactParams } from './redact.ts';

export interface RequestDiagnostic {
  /** The RPC method, e.g. `query`. */
  method: string;
  /** The params as sent, with the auth methods' secrets masked (`'***'`; see `redactParams`). */
  params: readonly unknown[];
  /** Milliseconds from the call (waiting for a connection, a re-sign-in included) to its settling. */
  duration: number;
  ok: boolean;
  /** The error's class name (`TimeoutError`, `NotAllowedError`, ...) when `ok` is false. */
  error?: string;
  session?: Uuid;
  txn?: Uuid;
  /** True for the client's own calls (connect probe, pings, re-sign-ins, restores), not the user's. */
  internal: boolean;
}

export type DiagnosticsHook = (event: RequestDiagnostic) => void;

export interface SettledRequest {
  method: string;
  params: readonly unknown[];
  /** `performance.now()` when the call began. */
  started: number;
  /** Present when the call failed. */
  failure?: { error: unknown };
  session?: Uuid | undefined;
  txn?: Uuid | undefined;
  internal: boolean;
}

/** Hands the hook the event for one settled call. */
export function reportRequest(hook: DiagnosticsHook, request: SettledRequest): void {
  const event: RequestDiagnostic = {
    method: request.method,
    params: redactParams(request.method, request.params),
    duration: performance.now() - request.started,
    ok: request.failure === undefined,
    internal: request.internal,
  };
  if (request.failure !== undefined) event.error = request.failure.error instanceof Error ? request.failure.error.name : typeof request.failure.error;
  if (request.session !== undefined) event.session = request.session;
  if (request.txn !== undefined) event.txn = request.txn;
  try {
    hook(event);
  } catch {
    // Diagnostics must never change the outcome of a call.
  }
}

/** Runs `work` and reports it to `hook` (when there is one) once it settles. */
export async function observeRequest<T>(hook: DiagnosticsHook | undefined, request: Omit<SettledRequest, 'started' | 'failure'>, work: () => Promise<T>): Promise<T> {
  if (!hook) return work();
  const started = performance.now();
  try {
    const result = await work();
    reportRequest(hook, { ...request, started });
    return result;
  } catch (error) {
    reportRequest(hook, { ...request, started, failure: { error } });
    throw error;
  }
}
