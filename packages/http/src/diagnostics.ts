/**
 * @module The diagnostics hook (the same event shape as @sdb/ws's): one event per settled call,
 * for logging and tracing. The params of the auth methods are replaced by placeholders, so no
 * password, key or token ever reaches it; results are never included.
 */

export interface RequestDiagnostic {
  /** The RPC method, e.g. `query`. */
  method: string;
  /** The params as given, except for the auth methods: `'[redacted]'` for each of theirs. */
  params: readonly unknown[];
  /** Milliseconds from the call to its settling (a re-sign-in on the way included). */
  duration: number;
  ok: boolean;
  /** The error's class name (`TimeoutError`, `NotAllowedError`, ...) when `ok` is false. */
  error?: string;
  /** True for the client's own calls (the connect probe, re-sign-ins), not the user's. */
  internal: boolean;
}

const SECRET_PARAMS = new Set(['signin', 'signup', 'authenticate', 'refresh', 'revoke']);

/** Runs `work` and reports it to `hook` (if any) once it settles; a throwing hook is ignored. */
export async function observed<T>(
  hook: ((event: RequestDiagnostic) => void) | undefined,
  method: string,
  params: readonly unknown[],
  internal: boolean,
  work: () => Promise<T>,
): Promise<T> {
  if (!hook) return work();
  const started = performance.now();
  const report = (ok: boolean, error?: unknown) => {
    const event: RequestDiagnostic = {
      method,
      params: SECRET_PARAMS.has(method) ? params.map(() => '[redacted]') : params,
      duration: performance.now() - started,
      ok,
      internal,
    };
    if (!ok) event.error = error instanceof Error ? error.name : typeof error;
    try {
      hook(event);
    } catch {
      // Diagnostics must never change the outcome of a call.
    }
  };
  try {
    const result = await work();
    report(true);
    return result;
  } catch (error) {
    report(false, error);
    throw error;
  }
}
