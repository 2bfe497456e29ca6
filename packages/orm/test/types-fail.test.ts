/**
 * Files that must fail to type-check: `test/types-fail/*.ts` (left out of the package's tsconfig)
 * mark each line that must be a compile error with its error code (`// TS2322`). This test
 * type-checks them with the package's compiler options and asserts that the errors are exactly
 * the marked lines, each with its code: every misuse is refused, and nothing else is.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const dir = join(root, 'test/types-fail');
const files = readdirSync(dir).filter((name) => name.endsWith('.ts')).map((name) => join(dir, name));

/** `file:line TScode` for every line marked `// TSnnnn`. */
function expected(): string[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => [...line.matchAll(/\/\/ (TS\d+)$/g)].map((m) => `${file.slice(dir.length + 1)}:${i + 1} ${m[1]}`)),
  );
}

/** `file:line TScode` for every error tsc reports in the files. */
function reported(): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); } })!;
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file !== undefined && d.file.fileName.startsWith(dir))
    .map((d) => `${d.file!.fileName.slice(dir.length + 1)}:${d.file!.getLineAndCharacterOfPosition(d.start!).line + 1} TS${d.code}`);
}

describe('code that must not compile', () => {
  it('each marked line of test/types-fail/ is an error with its code, and no other line is', () => {
    const want = expected();
    expect(want.length).toBeGreaterThan(20); // the markers were found
    expect([...new Set(reported())].sort()).toEqual([...want].sort());
  }, 120_000);
});
