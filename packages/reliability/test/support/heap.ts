/**
 * @module Heap use after a full garbage collection, for the "no leak" checks: `gc()` is exposed at
 * run time (`v8.setFlagsFromString('--expose-gc')`), so the suite needs no special node flags.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** Bytes of heap in use once everything unreachable is collected (two passes, for weak references' second round). */
export function heapAfterGc(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}
