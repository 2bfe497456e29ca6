#!/usr/bin/env node
/**
 * @module The API reference: TypeDoc over every entry of every published package's exports map
 * (through the `@sdb/source` condition, so from `src/`), written to `docs/api/` (gitignored).
 * It fails on any warning: an exported name without a doc comment (`validation.notDocumented`),
 * a `{@link}` that resolves to nothing, or a type the reference uses but no entry exports.
 * The 406 builders of @sdb/functions' namespaces are typed from its catalogue and documented from
 * it here: each gets "SurrealQL's `ns::name`", the row it is built from.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Application, Comment, Converter, ReflectionKind } from 'typedoc';

const root = new URL('..', import.meta.url).pathname;

/** Every `@sdb/source` file named by the exports map of a package that is published (not private). */
function exportedEntries() {
  return readdirSync(join(root, 'packages')).flatMap((name) => {
    const manifestPath = join(root, 'packages', name, 'package.json');
    if (!existsSync(manifestPath)) return [];
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.private) return [];
    return Object.values(manifest.exports ?? {})
      .map((target) => (typeof target === 'object' ? target['@sdb/source'] : undefined))
      .filter((source) => typeof source === 'string')
      .map((source) => join(root, 'packages', name, source));
  });
}

/** camelCased builder path (`crypto.argon2.compare`) -> its doc comment, from the catalogue rows, by the rule of functions' `camel()`. */
function catalogueNames() {
  const source = readFileSync(join(root, 'packages/functions/src/catalogue.ts'), 'utf8');
  const camel = (segment) => segment.replace(/_([a-z0-9])/g, (_, letter) => letter.toUpperCase());
  const names = new Map();
  for (const [, name] of source.matchAll(/'([a-z0-9_]+(?:::[a-z0-9_]+)+)':/g)) {
    const segments = name.split('::');
    names.set(segments.map(camel).join('.'), `SurrealQL's \`${name}\`.`);
    // A nested namespace (crypto::argon2) is a property too.
    for (let depth = 2; depth < segments.length; depth++) {
      const prefix = segments.slice(0, depth);
      names.set(prefix.map(camel).join('.'), `SurrealQL's \`${prefix.join('::')}::\` functions.`);
    }
  }
  return names;
}

function documentCatalogueBuilders(project, names) {
  for (const reflection of project.getReflectionsByKind(ReflectionKind.Property)) {
    if (reflection.hasComment()) continue;
    const path = reflection.getFullName().match(/^functions\/src\.(.+)$/)?.[1]?.replaceAll('.__type', '');
    const text = path === undefined ? undefined : names.get(path);
    if (text !== undefined) reflection.comment = new Comment([{ kind: 'text', text }]);
  }
}

const app = await Application.bootstrapWithPlugins({
  entryPoints: exportedEntries(),
  entryPointStrategy: 'resolve',
  tsconfig: join(root, 'tsconfig.docs.json'),
  out: join(root, 'docs/api'),
  name: 'sdb',
  readme: 'none',
  excludePrivate: true,
  excludeInternal: true,
  treatWarningsAsErrors: true,
  validation: { notExported: true, invalidLink: true, notDocumented: true },
  logLevel: 'Warn',
});
const names = catalogueNames();
app.converter.on(Converter.EVENT_RESOLVE_END, (context) => documentCatalogueBuilders(context.project, names));
const project = await app.convert();
if (project === undefined) process.exit(1);
app.validate(project);
if (app.logger.hasErrors() || app.logger.hasWarnings()) {
  console.error('API reference: FAILED (see the messages above)');
  process.exit(1);
}
await app.generateDocs(project, join(root, 'docs/api'));
console.log('API reference written to docs/api/');
