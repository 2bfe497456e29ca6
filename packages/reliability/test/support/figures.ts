/**
 * @module The suite's figures: each test file records what it held (calls, faults, inputs,
 * structure changes, secrets found) under its area's name; the global teardown
 * (figures-report.ts) gathers them into FIGURES.md after the run.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIGURES_DIR = new URL('../../.figures/', import.meta.url).pathname;

export type Figures = Record<string, number | string>;

const recorded = new Map<string, Figures>();

/** Adds `figures` to `area`'s (numbers add up across calls) and writes the area's file at once. */
export function recordFigures(area: string, figures: Figures): void {
  const current = recorded.get(area) ?? {};
  for (const [key, value] of Object.entries(figures)) {
    const before = current[key];
    current[key] = typeof value === 'number' && typeof before === 'number' ? before + value : value;
  }
  recorded.set(area, current);
  mkdirSync(FIGURES_DIR, { recursive: true });
  writeFileSync(join(FIGURES_DIR, `${area}.json`), `${JSON.stringify(current, null, 2)}\n`);
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
