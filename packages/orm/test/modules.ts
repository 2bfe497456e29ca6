/**
 * @module Generated code (a migration file, the models inspectModels writes) written to a file and
 * imported, the way a user's project loads it, importing this package's own source.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The URL of one of this package's entry points in source (`index.ts`, `migrations/index.ts`), for generated code to import. */
export function sourceUrl(entry: string): string {
  return pathToFileURL(fileURLToPath(new URL(`../src/${entry}`, import.meta.url))).href;
}

/** A scratch folder under test/: `load(source)` writes a module there and imports it; `remove()` deletes the folder. */
export function scratchModules(): { load<T>(source: string): Promise<T>; remove(): void } {
  const dir = mkdtempSync(join(fileURLToPath(new URL('.', import.meta.url)), '.rendered-'));
  let count = 0;
  return {
    async load<T>(source: string): Promise<T> {
      const file = join(dir, `module${++count}.mjs`);
      writeFileSync(file, source);
      return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as T;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
