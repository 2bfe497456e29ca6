/**
 * The test-log filter for the engine's stray `dbg!` (test-support/engine-debug-output.ts): it
 * drops the ten-line timestamp dump @surrealdb/node 3.0.3 prints, and only that.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { withoutTimestampDumps } from '../test-support/engine-debug-output.ts';

/** What the engine printed in the ql tests, for `DEFINE TABLE account ... CHANGEFEED 1d`. */
const dump = [
  '[/home/runner/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/surrealdb-core-3.0.2/src/kvs/timestamp.rs:272:18] self.0.to_be_bytes() = [',
  ...[1, 162, 52, 62, 196, 47, 0, 0].map((byte) => `    ${byte},`),
  ']',
].join('\n') + '\n';

async function filtered(chunks: string[]): Promise<string> {
  let output = '';
  const target = new Writable({
    write(chunk: Buffer, _encoding, done) {
      output += chunk.toString();
      done();
    },
  });
  const filter = withoutTimestampDumps(target);
  for (const chunk of chunks) filter.write(chunk);
  await new Promise<void>((resolve) => filter.end(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  return output;
}

describe('withoutTimestampDumps', () => {
  it('drops the dump, even when it arrives in pieces, and keeps the lines around it', async () => {
    const text = `before\n${dump}after\n`;
    expect(await filtered([text])).toBe('before\nafter\n');
    expect(await filtered(text.match(/[\s\S]{1,7}/g)!)).toBe('before\nafter\n');
  });

  it('passes a block through whole when it is not exactly the dump', async () => {
    const changed = dump.replace('    196,', '    oops');
    expect(await filtered([changed])).toBe(changed);
    const otherLocation = dump.replace('timestamp.rs:272:18', 'other.rs:1:1');
    expect(await filtered([otherLocation])).toBe(otherLocation);
  });

  it('passes every other output through unchanged, including a last line without newline', async () => {
    const text = 'Error: something failed\n    at somewhere (file.ts:1:1)\n[not a dump]\nno newline at the end';
    expect(await filtered([text])).toBe(text);
  });
});
