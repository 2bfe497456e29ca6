/**
 * @module The README check: every TypeScript block of every README (README.md and
 * packages/*\/README.md) type-checks under the repository's strict compiler settings, and each one
 * not marked `types-only` runs against the real engine, one after another, in a temporary
 * working directory, with every namespace it left removed afterwards. The convention is described
 * in `snippets.ts`. A failure names the README, the line and the compiler's message.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile, remove } from '@sdb/ql';
import { connect } from '@sdb/ws';
import { beforeAll, describe, expect, it } from 'vitest';
import { surrealdb } from '../../embedded/test-support/index.ts';
import { allSnippets, repositoryRoot, typeCheck, writeSnippets } from './snippets.ts';

const snippets = allSnippets();
let diagnostics: ReturnType<typeof typeCheck>;

beforeAll(() => {
  writeSnippets(snippets);
  diagnostics = typeCheck(snippets);
  // A snippet may write a data directory (`surrealkv://./data`): not into the repository.
  process.chdir(mkdtempSync(join(tmpdir(), 'sdb-readmes-')));
  const { url, httpUrl } = surrealdb();
  Object.assign(globalThis, { url, httpUrl });
}, 120_000);

/** Removes every namespace, so that each snippet starts from an empty server. */
async function emptyServer(): Promise<void> {
  const { url, user, pass } = surrealdb();
  await using db = await connect(url, { auth: { username: user, password: pass } });
  const [root] = await db.queryAll<[{ namespaces: Record<string, string> }]>('INFO FOR ROOT');
  for (const namespace of Object.keys(root.namespaces)) await db.queryAll(compile(remove.namespace(namespace)));
}

it('finds the TypeScript blocks of the package READMEs', () => {
  const readmes = new Set(snippets.map((s) => s.readme));
  expect([...readmes]).toEqual(expect.arrayContaining(['packages/protocol/README.md', 'packages/ws/README.md', 'packages/ql/README.md']));
});

it('type-checks every file the snippets import without errors', () => {
  expect(diagnostics.other).toEqual([]);
});

for (const snippet of snippets) {
  describe(`${snippet.readme}, block at line ${snippet.line}`, () => {
    it('type-checks under strict tsc', () => {
      const problems = diagnostics.bySnippet.get(snippet.file);
      expect(problems, `\n${problems?.join('\n')}\n`).toEqual([]);
    });
    if (snippet.mode === 'run') {
      it('runs against the real engine', async () => {
        try {
          await import(/* @vite-ignore */ pathToFileURL(snippet.file).href);
        } catch (error) {
          const offset = snippet.line - snippet.prelude.length - 2;
          throw new Error(
            `${snippet.readme}: the block at line ${snippet.line} threw ${String(error)}\n` +
              `(in ${relative(repositoryRoot, snippet.file)}, line n is README line n ${offset < 0 ? '-' : '+'} ${Math.abs(offset)})`,
            { cause: error },
          );
        } finally {
          await emptyServer();
        }
      });
    } else {
      it.skip(`runs against the real engine: not run, ${snippet.reason}`, () => undefined);
    }
  });
}
