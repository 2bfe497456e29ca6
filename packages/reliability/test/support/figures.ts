/**
 * @module The suite's figures: each test file records what it held (calls, faults, inputs,
 * structure changes, secrets found) under its area's name; the global teardown
 * (figures-report.ts) gathers them into FIGURES.md after the run.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIGURES_DIR = new URL('../../.figures/', import.meta.url).pathname;

export type Figures = Record<string, number | string>;

/**
 * Adds `figures` to what `area`'s file holds (numbers add up, across calls and test files) and
 * writes it back at once. The files of this package run one at a time, so nothing races.
 */
export function recordFigures(area: string, figures: Figures): void {
  const file = join(FIGURES_DIR, `${area}.json`);
  const current: Figures = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Figures) : {};
  for (const [key, value] of Object.entries(figures)) {
    const before = current[key];
    current[key] = typeof value === 'number' && typeof before === 'number' ? before + value : value;
  }
  mkdirSync(FIGURES_DIR, { recursive: true });
  writeFileSync(file, `${JSON.stringify(current, null, 2)}\n`);
}

/** Every area's figures written in this run, by area name. */
export function readFigures(): Record<string, Figures> {
  let names: string[];
  try {
    names = readdirSync(FIGURES_DIR).filter((name) => name.endsWith('.json'));
  } catch {
    return {};
  }
  return Object.fromEntries(names.sort().map((name) => [name.slice(0, -'.json'.length), JSON.parse(readFileSync(join(FIGURES_DIR, name), 'utf8')) as Figures]));
}
