/**
 * @module The load driver: `count` calls, at most `inFlight` at once, each asked for a value that
 * only its own argument gives (so a reply handed to the wrong caller shows as a mismatch), and a
 * deadline for every call (so a call that never settles shows as a hang instead of stalling the test).
 */
import { SdbError } from '@sdb/protocol';

export interface LoadOutcome {
  calls: number;
  matched: number;
  mismatched: number;
  /** Calls that rejected; each error's name is counted in `errors`. */
  failed: number;
  errors: Record<string, number>;
  /** Calls that had not settled within the deadline. */
  hung: number;
  maxInFlight: number;
  ms: number;
  /** The arguments of the matched calls, when `keepMatched` is set (e.g. the ids of acknowledged writes). */
  matchedArgs: number[];
  /** Every error that was not an `SdbError` (there must be none: each failure is typed). */
  untyped: unknown[];
}

export interface LoadOptions {
  count: number;
  inFlight: number;
  /** Longest any one call may take to settle, in ms. */
  deadline: number;
  keepMatched?: boolean;
  /** Told the number of settled calls after each one settles (to inject a fault mid-load). */
  progress?: (settled: number) => void;
}

/** What a call for argument `n` must answer: `n * 3 + 1`, computed by the server. */
export function expectedFor(n: number): number {
  return n * 3 + 1;
}

export const DERIVED_QUERY = 'RETURN $n * 3 + 1';

export async function runLoad(call: (n: number) => Promise<unknown>, options: LoadOptions): Promise<LoadOutcome> {
  const outcome: LoadOutcome = { calls: 0, matched: 0, mismatched: 0, failed: 0, errors: {}, hung: 0, maxInFlight: 0, ms: 0, matchedArgs: [], untyped: [] };
  let next = 0;
  let inFlight = 0;
  const started = performance.now();

  const one = async (n: number): Promise<void> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hang = new Promise<'hung'>((resolve) => {
      timer = setTimeout(() => resolve('hung'), options.deadline);
    });
    inFlight++;
    outcome.maxInFlight = Math.max(outcome.maxInFlight, inFlight);
    try {
      const answer = await Promise.race([call(n), hang]);
      if (answer === 'hung') outcome.hung++;
      else if (answer === expectedFor(n)) {
        outcome.matched++;
        if (options.keepMatched) outcome.matchedArgs.push(n);
      } else outcome.mismatched++;
    } catch (error) {
      outcome.failed++;
      if (!(error instanceof SdbError)) outcome.untyped.push(error);
      const name = error instanceof Error ? error.name : typeof error;
      outcome.errors[name] = (outcome.errors[name] ?? 0) + 1;
    } finally {
      clearTimeout(timer);
      inFlight--;
      outcome.calls++;
      options.progress?.(outcome.calls);
    }
  };
  const worker = async (): Promise<void> => {
    while (next < options.count) await one(next++);
  };
  await Promise.all(Array.from({ length: Math.min(options.inFlight, options.count) }, worker));
  outcome.ms = Math.round(performance.now() - started);
  return outcome;
}
