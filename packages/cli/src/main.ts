/**
 * @module The `sdb` bin's entry: runs the command line and exits with its code (process.exitCode,
 * so pending output is flushed first).
 */
import { run } from './run.ts';

process.exitCode = await run(process.argv.slice(2));
