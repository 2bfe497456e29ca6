#!/usr/bin/env node
/**
 * @module The layering check: a package may depend on (at run time) and import only packages of
 * a lower layer, and the browser/edge packages may not import Node built-ins. Exits 1 on any
 * violation, so `pnpm lint` and CI fail.
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
  '@sdb/pool': 2,
  '@sdb/stream': 2,
  '@sdb/functions': 2,
  '@sdb/ql': 3,
  '@sdb/orm': 4,
};
/** Packages held to DESIGN.md's list of outside runtime dependencies (the others are not checked yet). */
const OUTSIDE_DEPENDENCIES = {
  '@sdb/pool': ['p-queue'],
};
/** Only the embedded engine may use Node; every other package runs in browsers and edge runtimes. */
const NODE_ALLOWED = new Set(['@sdb/embedded']);
const NODE_BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));
const NODE_GLOBALS = /(?<![.\w$])(Buffer|process|__dirname|__filename|require)\s*[.(]/;

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

  for (const file of sourceFiles(join(dir, 'src'))) {
    const where = relative(root, file);
    const code = readFileSync(file, 'utf8');
    for (const specifier of importsOf(code)) {
      if (specifier.startsWith('.')) {
        const target = join(file, '..', specifier);
        if (!target.startsWith(join(dir, 'src'))) problems.push(`${where}: imports ${specifier}, outside its package's src/`);
        continue;
      }
      const isNodeBuiltin = specifier.startsWith('node:') || NODE_BUILTINS.has(packageNameOf(specifier));
      if (isNodeBuiltin) {
        if (!NODE_ALLOWED.has(name)) problems.push(`${where}: imports the Node built-in ${specifier} in a browser/edge package`);
        continue;
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
    if (!NODE_ALLOWED.has(name)) {
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
console.log('Layering check passed: every package depends only downward; browser/edge packages use no Node built-ins.');
