/**
 * @module A JS Date's time as SurrealDB's datetime parts (CBOR tag 12): whole seconds since the
 * Unix epoch, floored (so negative before 1970), and the nanoseconds within that second.
 */

/** `[seconds, nanoseconds]` of `ms`, a finite number of milliseconds since the epoch. */
export function epochParts(ms: number): [seconds: number, nanoseconds: number] {
  const seconds = Math.floor(ms / 1000);
  return [seconds, (ms - seconds * 1000) * 1_000_000];
}
