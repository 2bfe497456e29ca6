/**
 * @module The TypeScript blocks of the READMEs as programs: found in the Markdown, written out as
 * `snippets/<package>-L<line>.ts`, and type-checked together with the repository's strict
 * compiler settings, each diagnostic mapped back to its README line.
 *
 * The convention a README follows (also described in the root README, "Contributing"):
 * - every ```ts / ```typescript block is a module of its own: it imports what it uses, and it
 *   runs against the real engine unless marked otherwise;
 * - `url` and `httpUrl` (the WebSocket and HTTP address of the server under test) are in scope
 *   (declared in `snippet-globals.d.ts`);
 * - an HTML comment right before the block, invisible on a rendered page, may change that:
 *
 *       <!-- snippet: types-only, <why it cannot run>
 *       declare const transport: Transport;   (a hidden prelude: lines put before the block)
 *       -->
 *
 *   The first line is `snippet: run` or `snippet: types-only, <reason>`; the lines after it, up to
 *   `-->`, are TypeScript put before the block (declarations, or setup such as a connected `db`).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export const repositoryRoot = new URL('../../../', import.meta.url).pathname;
const snippetsDir = new URL('../snippets/', import.meta.url).pathname;
const tsconfigPath = new URL('../tsconfig.json', import.meta.url).pathname;
const globalsPath = new URL('./snippet-globals.d.ts', import.meta.url).pathname;
/** The first line of every snippet's file: a snippet is a module even when it imports nothing. */
const header = 'export {};';

export interface Snippet {
  /** The README, relative to the repository root: `packages/ws/README.md`. */
  readme: string;
  /** 1-based README line of the block's first code line. */
  line: number;
  /** `run`: run against the engine; `types-only`: type-checked only, for `reason`. */
  mode: 'run' | 'types-only';
  reason?: string;
  /** The hidden prelude's lines and the README line of the first one. */
  prelude: string[];
  preludeLine: number;
  code: string[];
  /** Absolute path of the file the snippet is written to. */
  file: string;
}

export function readmePaths(): string[] {
  const packages = readdirSync(join(repositoryRoot, 'packages'))
    .map((name) => join('packages', name, 'README.md'))
    .filter((path) => {
      try {
        readFileSync(join(repositoryRoot, path));
        return true;
      } catch {
        return false;
      }
    });
  return ['README.md', ...packages.sort()];
}

const tsFence = /^```(ts|typescript)\s*$/;
const anyFence = /^```/;
const directiveStart = /^<!--\s*snippet:\s*(.*)$/;

/** Every TypeScript block of one README, with its directive; a malformed directive throws, naming its line. */
export function snippetsOf(readme: string, markdown: string): Snippet[] {
  const lines = markdown.split('\n');
  const snippets: Snippet[] = [];
  const name = readme === 'README.md' ? 'root' : readme.split('/')[1];
  let pending: Pick<Snippet, 'mode' | 'reason' | 'prelude' | 'preludeLine'> & { line: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    const directive = directiveStart.exec(text);
    if (directive) {
      const at = `${readme}:${i + 1}`;
      const firstLine = directive[1]!.replace(/-->\s*$/, '').trim();
      const prelude: string[] = [];
      let end = i;
      if (!text.trimEnd().endsWith('-->')) {
        end = lines.findIndex((line, index) => index > i && line.trim() === '-->');
        if (end < 0) throw new Error(`${at}: the snippet comment is not closed by a line '-->'`);
        prelude.push(...lines.slice(i + 1, end));
      }
      const [mode, ...reason] = firstLine.split(',');
      if (mode?.trim() === 'run') pending = { mode: 'run', prelude, preludeLine: i + 2, line: i + 1 };
      else if (mode?.trim() === 'types-only' && reason.join(',').trim() !== '') {
        pending = { mode: 'types-only', reason: reason.join(',').trim(), prelude, preludeLine: i + 2, line: i + 1 };
      } else throw new Error(`${at}: a snippet comment starts with 'snippet: run' or 'snippet: types-only, <why it cannot run>', not '${firstLine}'`);
      i = end;
      continue;
    }
    if (anyFence.test(text)) {
      const end = lines.findIndex((line, index) => index > i && line.startsWith('```'));
      if (end < 0) throw new Error(`${readme}:${i + 1}: code block not closed`);
      if (tsFence.test(text)) {
        const line = i + 2;
        snippets.push({
          readme,
          line,
          mode: pending?.mode ?? 'run',
          ...(pending?.reason === undefined ? {} : { reason: pending.reason }),
          prelude: pending?.prelude ?? [],
          preludeLine: pending?.preludeLine ?? line,
          code: lines.slice(i + 1, end),
          file: join(snippetsDir, `${name}-L${line}.ts`),
        });
      } else if (pending) throw new Error(`${readme}:${pending.line}: the snippet comment is followed by a ${text} block, not a TypeScript one`);
      pending = undefined;
      i = end;
      continue;
    }
    if (pending && text.trim() !== '') throw new Error(`${readme}:${pending.line}: the snippet comment is not followed by a TypeScript block`);
  }
  if (pending) throw new Error(`${readme}:${pending.line}: the snippet comment is not followed by a TypeScript block`);
  return snippets;
}

export function allSnippets(): Snippet[] {
  return readmePaths().flatMap((readme) => snippetsOf(readme, readFileSync(join(repositoryRoot, readme), 'utf8')));
}

/** Writes every snippet to its file (header, prelude, block), replacing the last run's files. */
export function writeSnippets(snippets: Snippet[]): void {
  rmSync(snippetsDir, { recursive: true, force: true });
  mkdirSync(snippetsDir, { recursive: true });
  for (const snippet of snippets) writeFileSync(snippet.file, [header, ...snippet.prelude, ...snippet.code, ''].join('\n'));
}

/** README position of a 0-based line and column of a snippet's file. */
function readmePositionOf(snippet: Snippet, fileLine: number, column: number): string {
  if (fileLine === 0) return `${snippet.readme} (in the header every snippet gets: ${header})`;
  const inPrelude = fileLine - 1;
  if (inPrelude < snippet.prelude.length) return `${snippet.readme}:${snippet.preludeLine + inPrelude}:${column + 1} (hidden prelude)`;
  return `${snippet.readme}:${snippet.line + inPrelude - snippet.prelude.length}:${column + 1}`;
}

/**
 * Type-checks all snippets in one program with packages/readmes/tsconfig.json's options (the
 * repository's strict settings). Answers, per snippet file, its diagnostics as
 * `<README>:<line>:<column> error TS<code>: <message>`, and the diagnostics of no snippet apart.
 */
export function typeCheck(snippets: Snippet[]): { bySnippet: Map<string, string[]>; other: string[] } {
  const config = ts.getParsedCommandLineOfConfigFile(tsconfigPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } });
  if (!config) throw new Error(`cannot read ${tsconfigPath}`);
  const program = ts.createProgram([globalsPath, ...snippets.map((s) => s.file)], { ...config.options, noEmit: true });
  const byFile = new Map(snippets.map((s) => [s.file, s]));
  const bySnippet = new Map<string, string[]>(snippets.map((s) => [s.file, []]));
  const other: string[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = `error TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    const snippet = diagnostic.file && byFile.get(diagnostic.file.fileName);
    if (diagnostic.file && snippet) {
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      bySnippet.get(snippet.file)!.push(`${readmePositionOf(snippet, line, character)} ${message}`);
    } else if (diagnostic.file) {
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      other.push(`${relative(repositoryRoot, diagnostic.file.fileName)}:${line + 1}:${character + 1} ${message}`);
    } else other.push(message);
  }
  return { bySnippet, other };
}
