#!/usr/bin/env node
/**
 * @module The layering check: a package may depend on (at run time) and import only packages of
 * a lower layer, and the browser/edge packages may not import Node built-ins (nor Node-only
 * libraries such as undici), except in files only a `node` export condition reaches (@sdb/http's
 * undici request path). Exits 1 on any violation, so `pnpm lint` and CI fail.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';

/** DESIGN.md's layer table. */
const LAYERS = {
  '@sdb/protocol': 0,
  '@sdb/http': 1,
  '@sdb/ws': 1,
  '@sdb/embedded': 1,
  '@sdb/wasm': 1,
  '@sdb/pool': 2,
  '@sdb/stream': 2,
  '@sdb/functions': 2,
  '@sdb/ql': 3,
  '@sdb/orm': 4,
  '@sdb/cli': 5,
};
/** Packages held to DESIGN.md's list of outside runtime dependencies (the others are not checked yet). */
const OUTSIDE_DEPENDENCIES = {
  '@sdb/pool': ['p-queue'],
};
/** Only the embedded engine and the CLI may use Node; every other package runs in browsers and edge runtimes. */
const NODE_ALLOWED = new Set(['@sdb/embedded', '@sdb/cli']);
const NODE_BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));
const NODE_GLOBALS = /(?<![.\w$])(Buffer|process|__dirname|__filename|require)\s*[.(]/;
/** Libraries that run on Node only: held to the same rule as the built-ins. */
const NODE_LIBRARIES = new Set(['undici']);

const root = new URL('..', import.meta.url).pathname;
const packagesDir = join(root, 'packages');
const problems = [];

function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|js|mjs)$/.test(entry) && !entry.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports, static or dynamic. */
function importsOf(code) {
  const specifiers = [];
  const patterns = [
    /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g,
    /(?:^|[\s;])import\s*['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) specifiers.push(match[1]);
  return specifiers;
}

/** The source files `entries` reach through relative imports. */
function reachable(entries) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) if (specifier.startsWith('.')) visit(join(file, '..', specifier));
  };
  entries.forEach(visit);
  return seen;
}

/**
 * Files only a `node` export condition reaches (under `@sdb/source`, which points at src/): there
 * Node built-ins and Node-only libraries are allowed; every other file must run in browsers.
 */
function nodeOnlyFiles(dir, manifest) {
  const sources = Object.values(manifest.exports ?? {}).map((target) => target?.['@sdb/source']).filter((target) => typeof target === 'object' && target !== null);
  const nodeEntries = sources.map((target) => target.node).filter(Boolean).map((path) => join(dir, path));
  if (nodeEntries.length === 0) return new Set();
  const otherEntries = sources.flatMap((target) => Object.entries(target).filter(([condition]) => condition !== 'node').map(([, path]) => join(dir, path)));
  const elsewhere = reachable(otherEntries);
  return new Set([...reachable(nodeEntries)].filter((file) => !elsewhere.has(file)));
}

function packageNameOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

for (const dirName of readdirSync(packagesDir)) {
  const dir = join(packagesDir, dirName);
  const manifestPath = join(dir, 'package.json');
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const name = manifest.name;
  if (manifest.private) continue;
  if (!(name in LAYERS)) {
    problems.push(`${name}: not in the layer table (scripts/check-layers.mjs, DESIGN.md)`);
    continue;
  }
  const layer = LAYERS[name];
  const runtimeDeps = { ...manifest.dependencies, ...manifest.peerDependencies };

  for (const dep of Object.keys(runtimeDeps)) {
    if (dep in LAYERS && LAYERS[dep] >= layer) {
      problems.push(`${name} (layer ${layer}) depends on ${dep} (layer ${LAYERS[dep]})`);
    }
  }
  const allowedOutside = OUTSIDE_DEPENDENCIES[name];
  for (const dep of Object.keys(runtimeDeps)) {
    if (allowedOutside && !(dep in LAYERS) && !allowedOutside.includes(dep)) problems.push(`${name}: depends on ${dep}, not in its allowed outside dependencies (${allowedOutside.join(', ')})`);
  }
  if (manifest.sideEffects !== false) problems.push(`${name}: package.json must say "sideEffects": false`);

  const nodeOnly = nodeOnlyFiles(dir, manifest);
  for (const file of sourceFiles(join(dir, 'src'))) {
    const where = relative(root, file);
    const code = readFileSync(file, 'utf8');
    const nodeAllowed = NODE_ALLOWED.has(name) || nodeOnly.has(file);
    for (const specifier of importsOf(code)) {
      if (specifier.startsWith('.')) {
        const target = join(file, '..', specifier);
        if (!target.startsWith(join(dir, 'src'))) problems.push(`${where}: imports ${specifier}, outside its package's src/`);
        continue;
      }
      // A package import (`#name`) is the package's own file, mapped by its package.json `imports`
      // (whose targets are in src/ and checked there like any other file).
      if (specifier.startsWith('#')) {
        if (!Object.hasOwn(manifest.imports ?? {}, specifier)) problems.push(`${where}: imports ${specifier}, which its package.json "imports" does not map`);
        continue;
      }
      const isNodeBuiltin = specifier.startsWith('node:') || NODE_BUILTINS.has(packageNameOf(specifier));
      if (isNodeBuiltin) {
        if (!nodeAllowed) problems.push(`${where}: imports the Node built-in ${specifier} in a browser/edge package`);
        continue;
      }
      if (NODE_LIBRARIES.has(packageNameOf(specifier)) && !nodeAllowed) {
        problems.push(`${where}: imports the Node-only ${specifier} in a file a browser/edge entry reaches (keep it behind the \`node\` export condition)`);
      }
      const imported = packageNameOf(specifier);
      if (imported in LAYERS) {
        if (imported === name) problems.push(`${where}: imports its own package by name (${specifier}); use a relative import`);
        else if (LAYERS[imported] >= layer) problems.push(`${where}: ${name} (layer ${layer}) imports ${imported} (layer ${LAYERS[imported]})`);
      }
      if (imported !== name && !(imported in runtimeDeps)) {
        problems.push(`${where}: imports ${imported}, which is not in its dependencies`);
      }
    }
    if (!nodeAllowed) {
      const codeWithoutComments = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      const match = codeWithoutComments.match(NODE_GLOBALS);
      if (match) problems.push(`${where}: uses the Node global ${match[1]} in a browser/edge package`);
    }
  }
}

if (problems.length > 0) {
  console.error(`Layering check failed (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('Layering check passed: every package depends only downward; browser/edge packages use no Node built-ins or Node-only libraries outside their `node` entry.');
