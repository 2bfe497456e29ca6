/**
 * @module The measuring loop: warm up, then keep `concurrency` calls in flight for a fixed time,
 * counting completed calls and this process's CPU time (user + system), so a client's CPU cost
 * per call is measured apart from the server, which runs in another process.
 */

/**
 * @param {() => Promise<unknown>} call one operation
 * @param {{ concurrency: number, warmupMs: number, durationMs: number }} options
 * @returns {Promise<{ ops: number, opsPerSec: number, cpuUsPerCall: number }>}
 */
export async function measure(call, { concurrency, warmupMs, durationMs }) {
  await runFor(call, concurrency, warmupMs);
  globalThis.gc?.();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const ops = await runFor(call, concurrency, durationMs);
  const elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    ops,
    opsPerSec: (ops * 1000) / elapsedMs,
    cpuUsPerCall: (cpu.user + cpu.system) / ops,
  };
}

/** Runs `concurrency` sequential loops of `call` until `ms` have passed; resolves the number of calls done. */
async function runFor(call, concurrency, ms) {
  const deadline = performance.now() + ms;
  let ops = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      await call();
      ops++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return ops;
}
