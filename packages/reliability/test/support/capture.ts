/**
 * @module Everything a test prints: console calls and direct writes to stdout and stderr, kept as
 * text (and still passed on), for the checks that search all output for secrets.
 */
import { formatWithOptions } from 'node:util';

export interface Capture {
  readonly text: () => string;
  stop(): void;
}

export function captureOutput(): Capture {
  const chunks: string[] = [];
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  const originals = methods.map((name) => console[name]);
  methods.forEach((name, i) => {
    console[name] = (...args: unknown[]) => {
      chunks.push(formatWithOptions({ depth: 10 }, ...args));
      originals[i]!.apply(console, args);
    };
  });
  const writes = [process.stdout, process.stderr].map((stream) => {
    const original = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString());
      return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    return () => {
      stream.write = original as typeof stream.write;
    };
  });
  return {
    text: () => chunks.join('\n'),
    stop() {
      methods.forEach((name, i) => {
        console[name] = originals[i]!;
      });
      for (const restore of writes) restore();
    },
  };
}
