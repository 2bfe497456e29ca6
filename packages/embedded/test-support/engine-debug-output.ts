/**
 * @module A vitest plugin that keeps one known engine debug dump out of the test log, and nothing
 * else. surrealdb-core 3.0.2 (inside @surrealdb/node 3.0.3, the newest) left a `dbg!` in
 * `HlcTimeStamp::encode` (kvs/timestamp.rs:272): each time the engine encodes a timestamp, e.g.
 * for `DEFINE TABLE ... CHANGEFEED`, it prints ten lines
 *
 *     [/home/runner/.cargo/registry/src/.../surrealdb-core-3.0.2/src/kvs/timestamp.rs:272:18] self.0.to_be_bytes() = [
 *         1,
 *         ... (8 byte values)
 *     ]
 *
 * straight to the test worker's stderr, past vitest's console capture. The plugin filters the
 * stream vitest copies the workers' stderr into: it drops exactly such a block (that header, then
 * only byte values, then `]`) and passes every other line through unchanged; a block that turns
 * out different is passed through whole.
 */
import { Transform, type Writable } from 'node:stream';
import type { Plugin } from 'vitest/config';

const DUMP_HEADER = /^\[[^\]]*\/surrealdb-core-3\.0\.2\/src\/kvs\/timestamp\.rs:\d+:\d+\] self\.0\.to_be_bytes\(\) = \[$/;
const DUMP_BYTE = /^\s+\d{1,3},$/;
const DUMP_END = ']';

/** Copies to `target` every line but the engine's timestamp dumps. */
export function withoutTimestampDumps(target: Writable): Transform {
  let partial = '';
  let held: string[] | undefined;
  const release = (stream: Transform) => {
    if (held) stream.push(held.map((line) => `${line}\n`).join(''));
    held = undefined;
  };
  const filter = new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        if (held === undefined) {
          if (DUMP_HEADER.test(line)) held = [line];
          else this.push(`${line}\n`);
        } else if (DUMP_BYTE.test(line) && held.length <= 8) {
          held.push(line);
        } else if (line === DUMP_END && held.length === 9) {
          held = undefined;
        } else {
          held.push(line);
          release(this);
        }
      }
      // A line still being written is passed on at once unless it may begin a dump.
      if (held === undefined && partial !== '' && !partial.startsWith('[')) {
        this.push(partial);
        partial = '';
      }
      done();
    },
    flush(done) {
      release(this);
      if (partial !== '') this.push(partial);
      done();
    },
  });
  filter.pipe(target);
  return filter;
}

export function withoutEngineDebugOutput(): Plugin {
  return {
    name: 'sdb:without-engine-debug-output',
    configureVitest({ vitest }) {
      vitest.logger.errorStream = withoutTimestampDumps(vitest.logger.errorStream) as unknown as NodeJS.WriteStream;
    },
  };
}
