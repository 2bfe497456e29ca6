/**
 * @module Loading a project's own modules (the config, the models, migration files): `.mjs` and
 * `.js` through Node's `import()`, `.ts`/`.mts` through unrun (Node 20 runs no TypeScript), which
 * keeps bare imports such as `@sdb/orm` external, so a project's models and the CLI share one copy.
 */
import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const TYPESCRIPT = /\.m?ts$/;

/**
 * The module at the absolute `path`. The file's modification time rides in the URL, so a file
 * edited since it was first imported in this process (a test, the shell) loads anew.
 */
export async function importModule(path: string): Promise<Record<string, unknown>> {
  if (TYPESCRIPT.test(path)) {
    const { unrun } = await import('unrun');
    // 'bundle-require' hands back the module namespace; the default preset would unwrap `default`.
    const { module } = await unrun<Record<string, unknown>>({ path, preset: 'bundle-require' });
    return module;
  }
  const url = pathToFileURL(path);
  url.searchParams.set('mtime', String(statSync(path).mtimeMs));
  return (await import(url.href)) as Record<string, unknown>;
}
