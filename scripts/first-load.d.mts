import type { Metafile } from 'esbuild';

/** The output files (paths as in the metafile) a page loads before running anything: the chunk of `entry` and its static imports, transitively. */
export function loadedFirst(metafile: Metafile, entry: string): string[];
