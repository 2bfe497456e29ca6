/**
 * Every published package's README has what a newcomer looks for first: how to install it (a
 * `pnpm add <the package>` block), an example (a TypeScript or JavaScript block), its API surface
 * (an "API" section) and the errors it throws (a section whose heading names them).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packagesDir = fileURLToPath(new URL('../..', import.meta.url));
const published = readdirSync(packagesDir)
  .map((name) => join(packagesDir, name))
  .filter((dir) => existsSync(join(dir, 'package.json')) && !JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).private)
  .map((dir) => ({ name: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name as string, readme: readFileSync(join(dir, 'README.md'), 'utf8') }));

it('finds the published packages', () => {
  expect(published.map((entry) => entry.name)).toEqual(expect.arrayContaining(['@sdb/protocol', '@sdb/orm', '@sdb/wasm']));
});

describe.each(published)('$name README', ({ name, readme }) => {
  it('shows how to install the package', () => {
    expect(readme).toMatch(new RegExp(`\`\`\`sh\\npnpm add (-D )?${name.replace('/', '\\/')}\\b`));
  });

  it('has a TypeScript or JavaScript example', () => {
    expect(readme).toMatch(/```(ts|js)\n/);
  });

  it('has an API section', () => {
    expect(readme).toMatch(/^## (The )?API\b/m);
  });

  it('has a section on the errors it throws', () => {
    expect(readme).toMatch(/^## (.* )?errors\b/im);
  });
});
