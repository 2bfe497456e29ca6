/**
 * @module How much each part of the suite does: the CI setting (bounded to a few minutes in all),
 * or the soak setting with `SDB_SOAK=1`.
 */

export const SOAK = process.env.SDB_SOAK === '1';

/** `ci` normally, `soak` under `SDB_SOAK=1`. */
export function scaled(ci: number, soak: number): number {
  return SOAK ? soak : ci;
}
